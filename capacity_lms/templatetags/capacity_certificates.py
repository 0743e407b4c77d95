"""``{% my_certificates %}``: the signed-in person's own certificates (one query);
``{% linkedin_url certificate %}``: LinkedIn's link that adds one to a profile."""

from django import template

from capacity_lms.certificates.credentials import linkedin_add_url
from capacity_lms.certificates.models import Certificate

register = template.Library()


@register.simple_tag
def linkedin_url(certificate):
    """LinkedIn's "Add to profile" link for ``certificate``, in the active language."""
    return linkedin_add_url(certificate)


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
