"""``{% my_certificates %}``: the signed-in person's own certificates (one query)."""

from django import template

from capacity_lms.certificates.models import Certificate

register = template.Library()


@register.inclusion_tag(
    "capacity_lms/certificates/includes/my_certificates.html", takes_context=True
)
def my_certificates(context):
    user = context["request"].user
    certificates = []
    if user.is_authenticated:
        certificates = list(
            Certificate.objects.for_holder(user).exclude(status=Certificate.Status.REPLACED)
        )
    return {"certificates": certificates, "request": context["request"]}
