"""Blocks that WordPress plugins inject into a post's content (PrintFriendly, Mailchimp for
WordPress), none of which the page objects were told about; Jetpack's sharing, likes and
related posts and AddToAny are wp_plugins'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..inline import attr
from .constants import NEWSLETTER_PITCH
from .theme import Texts

if TYPE_CHECKING:
    from .model import Post


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
            f"<p>{texts.t(NEWSLETTER_PITCH)}</p>"
            f"<p><label>{texts.t('Email address:')} <input type=\"email\" name=\"EMAIL\" "
            f'placeholder="Your email address" required /></label></p>'
            f'<p><input type="submit" value="Sign up" /></p></div>'
            f'<label style="display: none !important;">Leave this field empty if you\'re '
            f'human: <input type="text" name="_mc4wp_honeypot" value="" tabindex="-1" '
            f'autocomplete="off" /></label><input type="hidden" name="_mc4wp_form_id" '
            f'value="2341" /><div class="mc4wp-response"></div></form>'
            f"<!-- / Mailchimp for WordPress Plugin -->")
