"""A post's files, read through one view that checks each time who asks: whoever may see the
post (``views.readable_post``: its space readable, the post visible, or held and theirs, or
any post for the space's moderators). Everyone else gets 404, as for a file that does not
exist; a file is always downloaded, never shown inline, never cached."""

from django.http import Http404
from django.views.decorators.http import require_safe

from capacity_lms.core.storage import private_download
from capacity_lms.exchange.models import PostAttachment
from capacity_lms.exchange.views import _refuse, _signed_in_first, readable_post


@_signed_in_first
@require_safe
def attachment(request, pk, name):
    item = PostAttachment.objects.filter(pk=pk).only("post_id", "file", "original_name").first()
    try:
        if item is None or item.original_name != name:
            raise Http404
        readable_post(request, item.post_id)
    except Http404:
        _refuse(request)  # a signed-out visitor signs in first; everyone else: 404
        raise
    return private_download(item.file, item.original_name)
