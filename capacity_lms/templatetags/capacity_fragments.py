"""``{% fragment "name" part ... %}...{% endfragment %}``: a piece of a page that is the same
for every reader, rendered once per language, site and page cache generation (see
:mod:`capacity_lms.core.fragments`). Its parts name what it shows (a page's id and revision).
Nothing of one person goes inside: no progress, no ``{% csrf_token %}``, no nonce.

``{% steady "name" part ... %}...{% endsteady %}``: markup that changes only with the code and
the language (the site navigation), kept in the process without a cache round trip."""

from django import template
from django.utils.safestring import mark_safe

from capacity_lms.core.fragments import remember, steady

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


class SteadyNode(FragmentNode):
    def render(self, context):
        name = self.name.resolve(context)
        parts = [part.resolve(context) for part in self.parts]
        html = steady(name, parts, lambda: str(self.nodelist.render(context)))
        # What the template rendered, kept as it was: escaped when it was rendered.
        return mark_safe(html)  # noqa: S308  # nosec B308 B703


def parse_block(parser, token, node_class):
    bits = token.split_contents()
    tag = bits[0]
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{{% {tag} %}} needs a name")
    nodelist = parser.parse((f"end{tag}",))
    parser.delete_first_token()
    return node_class(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )


@register.tag
def fragment(parser, token):
    return parse_block(parser, token, FragmentNode)


@register.tag("steady")
def steady_block(parser, token):
    """``{% steady "name" value ... %}...{% endsteady %}``: markup that changes only with the
    code, the language and the values named (see :func:`capacity_lms.core.fragments.steady`),
    rendered once per process. Nothing of one person, one page or the database goes inside."""
    return parse_block(parser, token, SteadyNode)
