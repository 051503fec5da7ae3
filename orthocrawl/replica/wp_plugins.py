"""Plugins that several WordPress replicas run, as they print their blocks inside the post
content: Jetpack's sharing buttons and likes, AddToAny's share kit."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from .inline import attr
from .text import Texts


def sharedaddy(post: Any, texts: Texts) -> str:
    buttons = "".join(
        f'<li class="share-{key}"><a rel="nofollow noopener noreferrer" '
        f'data-shared="sharing-{key}-{post.post_id}" class="share-{key} sd-button share-icon" '
        f'href="{post.url}?share={key}&amp;nb=1" target="_blank" '
        f'title="{attr(tip)}"><span>{texts.t(label)}</span></a></li>'
        for key, label, tip in (("x", "X", "Click to share on X"),
                                ("facebook", "Facebook", "Click to share on Facebook"),
                                ("linkedin", "LinkedIn", "Click to share on LinkedIn"),
                                ("email", "Email", "Click to email a link to a friend"),
                                ("print", "Print", "Click to print")))
    return (f'<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block '
            f'sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">'
            f'{texts.t("Share this:")}</h3><div class="sd-content"><ul>{buttons}'
            f'<li class="share-end"></li></ul></div></div></div>')


def likes(post: Any, texts: Texts) -> str:
    return (f"<div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper "
            f"jetpack-likes-widget-unloaded' id='like-post-wrapper-2041-{post.post_id}' "
            f"data-src='https://widgets.wp.com/likes/?ver=14.2#blog_id=2041&amp;post_id="
            f"{post.post_id}' data-name='like-post-frame-2041-{post.post_id}' "
            f"data-title='Like or Reblog'><h3 class=\"sd-title\">{texts.t('Like this:')}</h3>"
            f"<div class='likes-widget-placeholder post-likes-widget-placeholder' "
            f"style='height: 55px;'><span class='button'><span>{texts.t('Like')}</span></span> "
            f"<span class=\"loading\">{texts.t('Loading...')}</span></div>"
            f"<span class='sd-text-color'></span><a class='sd-link-color'></a></div>")


def addtoany(post: Any, texts: Texts, top: bool) -> str:
    where = "top" if top else "bottom"
    url, title = quote(post.url, safe=""), quote(post.title, safe="")
    kit = "".join(
        f'<a class="a2a_button_{key}" href="https://www.addtoany.com/add_to/{key}?'
        f'linkurl={url}&amp;linkname={title}" title="{name}" rel="nofollow noopener" '
        f'target="_blank"></a>'
        for key, name in (("facebook", "Facebook"), ("x", "X"), ("linkedin", "LinkedIn"),
                          ("email", "Email")))
    return (f'<div class="addtoany_share_save_container addtoany_content '
            f'addtoany_content_{where}"><div class="addtoany_header">'
            f'{texts.t("Share this article with your colleagues:")}</div>'
            f'<div class="a2a_kit a2a_kit_size_24 addtoany_list" data-a2a-url="{post.url}" '
            f'data-a2a-title="{attr(post.title)}">{kit}<a class="a2a_dd addtoany_share_save '
            f'addtoany_share" href="https://www.addtoany.com/share"></a></div></div>')
