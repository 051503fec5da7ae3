"""What the page declares its body to be (JSON-LD articleBody) against what was extracted.

Publishers often truncate articleBody, or fill it with something else, so it is used only
when it agrees with the extraction. When the extraction is a small part of it, or next to
nothing, the extractor missed the article and articleBody replaces it. When the two mostly
agree, blocks of the extraction that share nothing with it are leftover chrome and go.
"""

from __future__ import annotations

from lxml.etree import _Element

from orthocrawl.pages import body as bodytext
from orthocrawl.pages.chrome import drop
from orthocrawl.similarity import share, shingles

# Share of the extraction's shingles found in articleBody, and the other way round, from
# which the two tell the same story.
AGREE = 0.8
# The extraction is taken for a fragment when this much of it is in articleBody and
# articleBody is FRAGMENT_GROWTH times as long.
FRAGMENT = 0.9
FRAGMENT_GROWTH = 2.0
MIN_BLOCK_TOKENS = 4
# An extraction this short next to an articleBody SCANT_GROWTH times as long found nothing
# of the article (a page that renders its text with scripts, a "Loading…" placeholder).
SCANT_SHINGLES = 50
SCANT_GROWTH = 5.0


def reconcile(root: _Element, declared: list[str]) -> str:
    """Compare the extracted content element with the declared blocks; trim root in place.

    Returns "declared" when the declared body should replace the extraction, "trimmed"
    when blocks were removed, "kept" otherwise.
    """
    claimed = shingles("\n".join(declared))
    found = shingles(bodytext.body_text(root))
    if not claimed:
        return "kept"
    claimed_size, found_size = sum(claimed.values()), sum(found.values())
    if found_size < SCANT_SHINGLES and claimed_size >= SCANT_GROWTH * found_size:
        return "declared"
    found_in_claimed, claimed_in_found = share(found, claimed), share(claimed, found)
    if found_in_claimed >= FRAGMENT and claimed_size >= FRAGMENT_GROWTH * found_size:
        return "declared"
    if found_in_claimed < AGREE or claimed_in_found < AGREE:
        return "kept"
    doomed = []
    for element in root:
        text = bodytext.body_text(element) if len(element) else bodytext.inline_text(element)
        block = shingles(text)
        if sum(block.values()) >= 1 and len(text.split()) >= MIN_BLOCK_TOKENS and not (
                block & claimed):
            doomed.append(element)
    for element in doomed:
        drop(element)
    return "trimmed" if doomed else "kept"
