"""``{% fragment "name" part ... %}...{% endfragment %}``: a piece of a page that is the same
for every reader, rendered once per language, site and page cache generation (see
:mod:`capacity_lms.core.fragments`). Its parts name what it shows (a page's id and revision).
Nothing of one person goes inside: no progress, no ``{% csrf_token %}``, no nonce."""

from django import template
from django.utils.safestring import mark_safe

from capacity_lms.core.fragments import remember

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        html = remember(
            context.get("request"), name, parts, lambda: str(self.nodelist.render(context))
        )
        # What the template rendered, kept as it was: escaped when it was rendered.
        return mark_safe(html)  # noqa: S308  # nosec B308 B703


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
