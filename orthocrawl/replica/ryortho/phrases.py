"""Sentence templates for the story kinds only this publisher runs: courtroom news, surgeon
debates, research roundups, long features, and the credit lines under its images.

``{slot}`` names a fact of the post or a random pick (orthocrawl.replica.writing.Writer.fill);
debate posts add ``{pro}``, ``{con}`` (surnames) and ``{motion_lower}``.
"""

from __future__ import annotations

LEGAL_TITLES = (
    "{company} Settles Patent Fight With {other_company} for {amount}",
    "Jury Sides With {company} in {device_noun} Patent Case",
    "Whistleblower Suit Targets {company_poss} Surgeon Consulting Deals",
    "Appeals Court Revives {other_company} Claims Against {company}",
    "{company} Pays {amount} to Close Federal Kickback Probe",
)
LEGAL_LEADS = (
    "{company} has agreed to pay {amount} to settle claims that its {product} {device_lower} "
    "copied designs patented by {other_company}.",
    "A federal jury found that {company} did not infringe the {device_noun} patents held by "
    "{other_company}, ending a trial that lasted {small} weeks.",
    "A former regional sales director at {company} says the company tied surgeon consulting "
    "fees to the number of {product} implants they used.",
    "A federal appeals court has sent the long-running fight between {company} and "
    "{other_company} back to the trial judge.",
    "{company} will pay {amount} to resolve a federal investigation into payments it made to "
    "spine surgeons between {year_a} and {year_b}.",
)
LEGAL_DETAILS = (
    "Neither company admitted wrongdoing as part of the agreement.",
    "The complaint was unsealed this week after the government declined to intervene.",
    "Lawyers for {other_company} said they would review the ruling before deciding on an "
    "appeal.",
    "The dispute began when {other_company} accused {company} of hiring {small} of its "
    "engineers and using what they knew.",
    "The judge had earlier thrown out {small} of the {num} claims in the original complaint.",
    "{company} said in a statement that it was pleased to put the matter behind it.",
    "Under the settlement, {company} will operate under a corporate integrity agreement for "
    "{small} years.",
    "Damages in patent cases of this kind rarely exceed a few percent of product revenue.",
    "The case is one of {num} patent suits filed against spine companies in the past year.",
    "Court filings show that the {product} generated roughly {amount} in its first full year "
    "on the market.",
)
LEGAL_ALLEGATIONS = (
    "Surgeons received consulting fees of up to {amount} a year for little documented work",
    "Sales staff tracked implant volume surgeon by surgeon",
    "Speaking engagements were booked at resorts with no educational agenda",
    "Royalties were paid on products the surgeons did not help design",
    "Internal compliance warnings were ignored for {small} years",
)

DEBATE_MOTIONS = (
    "Cemented Stems Remain the Standard After 80",
    "Robotics Has Earned Its Place in Routine TKA",
    "Every Revision ACL Needs a Lateral Procedure",
    "Short-Segment Fixation Is Enough for Burst Fractures",
    "Outpatient Shoulder Arthroplasty Is Ready for Everyone",
    "Biologic Augmentation Belongs in Rotator Cuff Repair",
    "Fusion Beats Disc Replacement at Two Levels",
    "Nails Beat Plates for Distal Tibia Fractures",
    "Navigation Should Be Mandatory in Deformity Surgery",
    "Same-Day Discharge After Lumbar Fusion Is Safe",
)
DEBATE_INTROS = (
    "This week’s debate pits {pro}, who argues that {motion_lower}, against {con}, who is not "
    "convinced.",
    "Two experienced surgeons, two very different practices, one question: is it true that "
    "{motion_lower}? {pro} says yes; {con} says not so fast.",
)
DEBATE_FOR = (
    "{pro} began with the registry numbers, which show fewer early revisions in the group "
    "{pro} treats.",
    "The argument for change, {pro} said, is mostly about consistency from one case to the "
    "next.",
    "{pro} conceded that the learning curve is real but said it flattens after about {num} "
    "cases.",
    "Patients, {pro} noted, now arrive asking for the approach by name.",
    "Cost is the objection {pro} hears most often, and {pro} thinks it is overstated once "
    "readmissions are counted.",
    "In {pro}’s series of {cases} patients, complication rates fell by {pct}% after the "
    "switch.",
)
DEBATE_AGAINST = (
    "{con} answered that registry data cannot separate the technique from the surgeon.",
    "The best evidence, {con} argued, still comes from small trials with short follow-up.",
    "{con} worries that younger surgeons will never learn the fallback when the new approach "
    "fails.",
    "Money matters, {con} said, because every dollar spent here is a dollar not spent on "
    "rehabilitation.",
    "{con} pointed to {small} randomized trials that found no difference at two years.",
    "For the patients {con} sees in a safety-net hospital, the simpler option still wins.",
)
DEBATE_VERDICTS = (
    "Our verdict: both surgeons made a strong case, and the evidence is still coming in.",
    "Who made the better argument? Readers have been split down the middle.",
    "The debate is edited from a longer recorded conversation.",
)

# (headline, finding) of one study in a research roundup
ROUNDUP_ITEMS = (
    ("Vitamin D Before Fusion?", "patients with low vitamin D before surgery were slower to fuse"),
    ("Smartwatch Data Predicts Falls",
     "wrist-worn sensors flagged a fall risk weeks before the first fall"),
    ("Cartilage Sheets in the Knee",
     "thin sheets of cultured cells filled small cartilage defects in a pig model"),
    ("Cooling Wraps After TKA",
     "compression cooling cut pain scores in the first week after knee replacement"),
    ("Bone Loss on Long Bed Rest", "volunteers lost hip bone density within six weeks of bed rest"),
    ("Nerve Blocks and Delirium",
     "regional nerve blocks were linked to less delirium in older hip fracture patients"),
    ("Screw Pullout in Soft Bone",
     "cement-augmented screws resisted pullout far better in osteoporotic vertebrae"),
    ("Walking Early After Ankle Fracture",
     "bearing weight within two weeks of ankle fixation did not raise the failure rate"),
    ("PRP for Tennis Elbow",
     "platelet-rich plasma injections helped some, but not all, patients with tennis elbow"),
    ("Gut Bacteria and Bone Healing",
     "the makeup of gut bacteria may affect how quickly fractures heal"),
    ("Running Shoes and Knee Load",
     "cushioned running shoes shifted load toward the knee in recreational runners"),
    ("Opioid-Free ACDF",
     "most patients went home after a one-level fusion without an opioid prescription"),
    ("Antibiotic Spacers Compared",
     "two antibiotic cement spacers cleared knee infections at similar rates"),
    ("Coffee and Hip Fracture?", "heavy coffee drinkers had no more hip fractures than others"),
    ("Zebrafish Regrow Fins", "zebrafish rebuild fin bone using a program that mammals switch off"),
)
ROUNDUP_OPENERS = (
    "Researchers at {hospital} report that {finding}.",
    "A team from {hospital} in {hospital_city} found that {finding}.",
    "New work out of {hospital} suggests that {finding}.",
)
FEATURE_TITLES = (
    "Inside the {hospital_city} Spine Boom",
    "The Quiet Rise of {technology} in Community Hospitals",
    "Where the {market} Money Is Going in {year}",
    "What {year} Taught Us About {topic}",
    "How {hospital} Rebuilt Its {procedure} Program",
)
FEATURE_SECTIONS = (
    "How We Got Here", "The Numbers", "What Surgeons Say", "The Business Case",
    "What Could Go Wrong", "What to Watch",
)
FEATURE_DETAILS = (
    "Ten years ago the idea would have been dismissed as a fad.",
    "Hospital administrators say the math only works when operating room time is used well.",
    "Several surgeons we spoke with asked not to be named because of consulting agreements.",
    "The shift has been slowest in rural markets, where staffing is the main constraint.",
    "Device companies have followed the volume, opening training centers nearby.",
    "Payers, for their part, have started asking for outcome data before approving cases.",
    "Not everyone is convinced that the trend will last once reimbursement tightens.",
    "The numbers tell only part of the story.",
)

# Credit lines printed under images: chrome, never part of the article text.
CREDITS = (
    "Source: Wikimedia Commons and {person}",
    "Source: Wikimedia Commons and {hospital}",
    "Sources: Wikimedia Commons, {person} and {hospital}",
    "Image created by RRY Publications, LLC",
    "Courtesy of {company}",
    "Source: {company}",
    "Source: Flickr and {person}",
    "(L to R): {surgeon} and {person} / Courtesy of {hospital}",
    "Source: {hospital} and {surgeon}",
)
