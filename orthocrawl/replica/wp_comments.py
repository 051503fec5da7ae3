"""Comments as WordPress core prints them for html5 themes: ``wp_list_comments()`` and
``comment_form()``, with the Akismet notice most sites show under the form."""

from __future__ import annotations

import hashlib

from .inline import attr
from .text import Texts
from .timefmt import comment_time, iso_offset
from .wp_model import Post

NOTES = "Your email address will not be published. Required fields are marked *"
AKISMET = "This site uses Akismet to reduce spam. Learn how your comment data is processed."


def avatar(name: str, size: int) -> str:
    digest = hashlib.md5(name.lower().encode()).hexdigest()
    return (f"<img alt='' src='https://secure.gravatar.com/avatar/{digest}?s={size}&#038;d=mm"
            f"&#038;r=g' class='avatar avatar-{size} photo' height='{size}' width='{size}' "
            "loading='lazy' decoding='async'/>")


def comment_list(post: Post, texts: Texts) -> str:
    """The comments of a post (Walker_Comment, html5)."""
    items = []
    for n, c in enumerate(post.comments):
        parity = "even" if n % 2 == 0 else "odd alt"
        reply = (f'<div class="reply"><a rel="nofollow" class="comment-reply-link" href="'
                 f'{post.url}?replytocom={c.comment_id}#respond" data-commentid="{c.comment_id}" '
                 f'data-postid="{post.post_id}" aria-label="Reply to {attr(c.author)}">'
                 f"{texts.t('Reply')}</a></div>" if post.comments_open else "")
        items.append(
            f'<li id="comment-{c.comment_id}" class="comment {parity} thread-{parity} depth-1">\n'
            f'<article id="div-comment-{c.comment_id}" class="comment-body">\n'
            f'<footer class="comment-meta"><div class="comment-author vcard">{avatar(c.author, 42)}'
            f'<b class="fn">{texts.t(c.author)}</b> <span class="says">says:</span></div>'
            f'<div class="comment-metadata"><a href="{post.url}#comment-{c.comment_id}"><time '
            f'datetime="{iso_offset(c.when)}">{texts.t(comment_time(c.when))}</time></a></div>'
            f'</footer>\n<div class="comment-content"><p>{texts.t(c.text)}</p></div>\n{reply}'
            "</article>\n</li>\n")
    return f'<ol class="comment-list">\n{"".join(items)}</ol>\n'


def comment_form(post: Post, texts: Texts, title: str = "Leave a Reply", css: str = "",
                 website: bool = True, gap: str = "\n") -> str:
    """The reply form (comment_form(), html5) and the Akismet privacy notice; ``css``: more
    classes of its title, ``website``: a Website field, ``gap``: after the form's div."""
    texts.append(NOTES)
    texts.append(AKISMET)
    url = ('<p class="comment-form-url"><label for="url">Website</label> <input id="url" '
           'name="url" type="url" value="" size="30" maxlength="200" autocomplete="url" /></p>'
           if website else "")
    return (
        f'<div id="respond" class="comment-respond">{gap}<h3 id="reply-title" class="comment-'
        f'reply-title{css}">{texts.t(title)} <small><a rel="nofollow" id="cancel-comment-reply-'
        f'link" href="{post.url}#respond" style="display:none;">Cancel reply</a></small></h3>'
        f'<form action="{post.origin}/wp-comments-post.php" method="post" id="commentform" '
        f'class="comment-form" novalidate><p class="comment-notes"><span id="email-notes">Your '
        f'email address will not be published.</span> <span class="required-field-message">'
        f'Required fields are marked <span class="required">*</span></span></p><p class="comment'
        f'-form-comment"><label for="comment">Comment <span class="required">*</span></label> '
        f'<textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required>'
        f'</textarea></p><p class="comment-form-author"><label for="author">Name <span class="'
        f'required">*</span></label> <input id="author" name="author" type="text" value="" '
        f'size="30" maxlength="245" autocomplete="name" required /></p><p class="comment-form-'
        f'email"><label for="email">Email <span class="required">*</span></label> <input '
        f'id="email" name="email" type="email" value="" size="30" maxlength="100" '
        f'autocomplete="email" required /></p>{url}<p class="form-submit"><input name="submit" '
        f'type="submit" id="submit" class="submit" value="Post Comment" /> <input type=\'hidden'
        f"' name='comment_post_ID' value='{post.post_id}' id='comment_post_ID' /></p></form></div>"
        f'<!-- #respond -->\n<p class="akismet_comment_form_privacy_notice">This site uses '
        f'Akismet to reduce spam. <a href="https://akismet.com/privacy/" target="_blank" '
        f'rel="nofollow noopener">Learn how your comment data is processed.</a></p>\n')
