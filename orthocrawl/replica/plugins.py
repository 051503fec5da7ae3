"""Blocks that WordPress plugins inject into a post's content (Jetpack, PrintFriendly,
Mailchimp for WordPress, AddToAny), none of which the page objects were told about."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from . import phrases
from .inline import attr
from .text import excerpt
from .theme import Texts
from .timefmt import long_date
from .variants import link

if TYPE_CHECKING:
    from .model import Post


def sharedaddy(post: Post, texts: Texts) -> str:
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


def likes(post: Post, texts: Texts) -> str:
    return (f"<div class='sharedaddy sd-block sd-like jetpack-likes-widget-wrapper "
            f"jetpack-likes-widget-unloaded' id='like-post-wrapper-2041-{post.post_id}' "
            f"data-src='https://widgets.wp.com/likes/?ver=14.2#blog_id=2041&amp;post_id="
            f"{post.post_id}' data-name='like-post-frame-2041-{post.post_id}' "
            f"data-title='Like or Reblog'><h3 class=\"sd-title\">{texts.t('Like this:')}</h3>"
            f"<div class='likes-widget-placeholder post-likes-widget-placeholder' "
            f"style='height: 55px;'><span class='button'><span>{texts.t('Like')}</span></span> "
            f"<span class=\"loading\">{texts.t('Loading...')}</span></div>"
            f"<span class='sd-text-color'></span><a class='sd-link-color'></a></div>")


def jp_related(post: Post, texts: Texts, pool: list[Post]) -> str:
    items = []
    for n, other in enumerate(pool[:3]):
        href = link(other, f"jp-{post.post_id}")
        context = other.categories[0].name
        items.append(
            f'<div class="jp-relatedposts-post jp-relatedposts-post{n} '
            f'jp-relatedposts-post-thumbs" data-post-id="{other.post_id}" '
            f'data-post-format="false"><h4 class="jp-relatedposts-post-title">'
            f'<a class="jp-relatedposts-post-a" href="{attr(href)}" title="{attr(other.title)}" '
            f'rel="nofollow" data-origin="{post.post_id}" data-position="{n}">'
            f"{texts.t(other.title)}</a></h4>"
            f'<p class="jp-relatedposts-post-excerpt">'
            f"{texts.t(excerpt(other.body_text, 18))}</p>"
            f'<p class="jp-relatedposts-post-date">{texts.t(long_date(other.published))}</p>'
            f'<p class="jp-relatedposts-post-context">{texts.t(f"In “{context}”")}</p></div>')
    return (f"<div id='jp-relatedposts' class='jp-relatedposts' ><h3 "
            f'class="jp-relatedposts-headline"><em>{texts.t("Related")}</em></h3>'
            f'<div class="jp-relatedposts-items jp-relatedposts-items-visual">{"".join(items)}'
            f"</div></div>")


def printfriendly(post: Post, texts: Texts) -> str:
    label = "Print Friendly, PDF & Email"
    return (f'<div class="printfriendly pf-button pf-button-content pf-alignleft">'
            f'<a href="#" rel="nofollow" onclick="window.print(); return false;" '
            f'title="{attr(label)}"><img class="pf-button-img" '
            f'src="https://cdn.printfriendly.com/buttons/printfriendly-pdf-button-nobg.png" '
            f'alt="{attr(label)}" style="width: 112px;height: 24px;" />'
            f'<span class="printfriendly-text2">{texts.t(label)}</span></a></div>')


def mc4wp(post: Post, texts: Texts) -> str:
    return (f"<script>(function() {{window.mc4wp = window.mc4wp || {{listeners: [], forms: "
            f"{{on: function(evt, cb) {{window.mc4wp.listeners.push({{event: evt, callback: cb}});"
            f"}}}}}}}})();</script><!-- Mailchimp for WordPress v4.10.1 - "
            f"https://wordpress.org/plugins/mailchimp-for-wp/ -->"
            f'<form id="mc4wp-form-1" class="mc4wp-form mc4wp-form-2341" method="post" '
            f'data-id="2341" data-name="Weekly newsletter"><div class="mc4wp-form-fields">'
            f"<h4>{texts.t('Never miss a spine story')}</h4>"
            f"<p>{texts.t(phrases.NEWSLETTER_PITCH)}</p>"
            f"<p><label>{texts.t('Email address:')} <input type=\"email\" name=\"EMAIL\" "
            f'placeholder="Your email address" required /></label></p>'
            f'<p><input type="submit" value="Sign up" /></p></div>'
            f'<label style="display: none !important;">Leave this field empty if you\'re '
            f'human: <input type="text" name="_mc4wp_honeypot" value="" tabindex="-1" '
            f'autocomplete="off" /></label><input type="hidden" name="_mc4wp_form_id" '
            f'value="2341" /><div class="mc4wp-response"></div></form>'
            f"<!-- / Mailchimp for WordPress Plugin -->")


def addtoany(post: Post, texts: Texts, top: bool) -> str:
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
