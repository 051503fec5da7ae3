"""Plugins of the WordPress replicas, as they print their blocks inside the post content:
Jetpack's sharing buttons, likes and related posts, AddToAny's share kit, PrintFriendly's
button, Mailchimp for WordPress's form; the page objects were told about none of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from .inline import attr
from .text import Texts
from .timefmt import long_date


def sharedaddy(post: Any, texts: Texts) -> str:
    """Jetpack's post flair, if the post shows it: sharing buttons, then (``likes``) likes."""
    if "sharedaddy" not in post.features:
        return ""
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
    return (f'<div id="jp-post-flair" class="sharedaddy sd-like-enabled sd-sharing-enabled">'
            f'<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block '
            f'sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">'
            f'{texts.t("Share this:")}</h3><div class="sd-content"><ul>{buttons}'
            f'<li class="share-end"></li></ul></div></div></div>'
            f'{_likes(post, texts) if "likes" in post.features else ""}</div>')


def _likes(post: Any, texts: Texts) -> str:
    return (f"<div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper "
            f"jetpack-likes-widget-unloaded' id='like-post-wrapper-2041-{post.post_id}' "
            f"data-src='https://widgets.wp.com/likes/?ver=14.2#blog_id=2041&amp;post_id="
            f"{post.post_id}' data-name='like-post-frame-2041-{post.post_id}' "
            f"data-title='Like or Reblog'><h3 class=\"sd-title\">{texts.t('Like this:')}</h3>"
            f"<div class='likes-widget-placeholder post-likes-widget-placeholder' "
            f"style='height: 55px;'><span class='button'><span>{texts.t('Like')}</span></span> "
            f"<span class=\"loading\">{texts.t('Loading...')}</span></div>"
            f"<span class='sd-text-color'></span><a class='sd-link-color'></a></div>")


def addtoany(post: Any, texts: Texts, every: int, top: bool) -> str:
    """AddToAny's share kit, if the post shows it here: above the content (``top``) on posts
    whose id ``every`` divides, below it on the others."""
    if "addtoany" not in post.features or (post.post_id % every == 0) != top:
        return ""
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


def jp_related(post: Any, texts: Texts, others: list[Any], href: Callable[[Any], str],
               summary: Callable[[Any], str]) -> str:
    """Jetpack's Related Posts: ``href(other)`` links each, ``summary(other)`` its excerpt."""
    items = []
    for n, other in enumerate(others):
        items.append(
            f'<div class="jp-relatedposts-post jp-relatedposts-post{n} jp-relatedposts-post-thumbs"'
            f' data-post-id="{other.post_id}" data-post-format="false"><h4 class="jp-relatedposts-'
            f'post-title"><a class="jp-relatedposts-post-a" href="{attr(href(other))}" title="'
            f'{attr(other.title)}" rel="nofollow" data-origin="{post.post_id}" data-position="{n}">'
            f'{texts.t(other.title)}</a></h4><p class="jp-relatedposts-post-excerpt">'
            f'{texts.t(summary(other))}</p><p class="jp-relatedposts-post-date">'
            f'{texts.t(long_date(other.published))}</p><p class="jp-relatedposts-post-context">'
            f'{texts.t(f"In “{other.categories[0].name}”")}</p></div>')
    return (f"<div id='jp-relatedposts' class='jp-relatedposts' ><h3 class=\"jp-relatedposts-"
            f'headline"><em>{texts.t("Related")}</em></h3><div class="jp-relatedposts-items '
            f'jp-relatedposts-items-visual">{"".join(items)}</div></div>')


def printfriendly(texts: Texts) -> str:
    """PrintFriendly's button."""
    label = "Print Friendly, PDF & Email"
    return (f'<div class="printfriendly pf-button pf-button-content pf-alignleft">'
            f'<a href="#" rel="nofollow" onclick="window.print(); return false;" '
            f'title="{attr(label)}"><img class="pf-button-img" '
            f'src="https://cdn.printfriendly.com/buttons/printfriendly-pdf-button-nobg.png" '
            f'alt="{attr(label)}" style="width: 112px;height: 24px;" />'
            f'<span class="printfriendly-text2">{texts.t(label)}</span></a></div>')


def mc4wp(texts: Texts, pitch: str) -> str:
    """Mailchimp for WordPress's sign-up form."""
    return (f"<script>(function() {{window.mc4wp = window.mc4wp || {{listeners: [], forms: "
            f"{{on: function(evt, cb) {{window.mc4wp.listeners.push({{event: evt, callback: cb}});"
            f"}}}}}}}})();</script><!-- Mailchimp for WordPress v4.10.1 - "
            f"https://wordpress.org/plugins/mailchimp-for-wp/ -->"
            f'<form id="mc4wp-form-1" class="mc4wp-form mc4wp-form-2341" method="post" '
            f'data-id="2341" data-name="Weekly newsletter"><div class="mc4wp-form-fields">'
            f"<h4>{texts.t('Never miss a spine story')}</h4>"
            f"<p>{texts.t(pitch)}</p>"
            f"<p><label>{texts.t('Email address:')} <input type=\"email\" name=\"EMAIL\" "
            f'placeholder="Your email address" required /></label></p>'
            f'<p><input type="submit" value="Sign up" /></p></div>'
            f'<label style="display: none !important;">Leave this field empty if you\'re '
            f'human: <input type="text" name="_mc4wp_honeypot" value="" tabindex="-1" '
            f'autocomplete="off" /></label><input type="hidden" name="_mc4wp_form_id" '
            f'value="2341" /><div class="mc4wp-response"></div></form>'
            f"<!-- / Mailchimp for WordPress Plugin -->")
