"""OrthoBuzz's sentence templates and clinical word pools, written fresh for the replica.

``{slot}`` names a fact of the post (set in stories.py) or a random pick (writing.DYNAMIC).
Every study, author and hospital they produce is invented.
"""

from __future__ import annotations

# (procedure, short name for headlines, category slug)
PROCEDURES: tuple[tuple[str, str, str], ...] = (
    ("total knee arthroplasty", "TKA", "hip-knee"),
    ("total hip arthroplasty", "THA", "hip-knee"),
    ("unicompartmental knee arthroplasty", "Partial Knee Replacement", "hip-knee"),
    ("periacetabular osteotomy", "PAO", "hip-knee"),
    ("anterior cruciate ligament reconstruction", "ACL Reconstruction", "sports-medicine"),
    ("meniscal repair", "Meniscal Repair", "sports-medicine"),
    ("arthroscopic rotator cuff repair", "Rotator Cuff Repair", "shoulder-elbow"),
    ("reverse total shoulder arthroplasty", "Reverse Shoulder Arthroplasty", "shoulder-elbow"),
    ("lumbar spinal fusion", "Lumbar Fusion", "spine"),
    ("anterior cervical discectomy and fusion", "ACDF", "spine"),
    ("fixation of distal radius fractures", "Distal Radius Fixation", "trauma"),
    ("intramedullary nailing of tibial shaft fractures", "Tibial Nailing", "trauma"),
    ("hip fracture surgery in older adults", "Hip Fracture Surgery", "trauma"),
    ("ankle arthrodesis", "Ankle Fusion", "foot-ankle"),
    ("total ankle arthroplasty", "Total Ankle Replacement", "foot-ankle"),
    ("posterior spinal fusion for adolescent idiopathic scoliosis", "Scoliosis Surgery",
     "pediatrics"),
)
SPECIALTIES = {
    "hip-knee": "Hip and Knee Surgery", "sports-medicine": "Sports Medicine",
    "shoulder-elbow": "Shoulder and Elbow Surgery", "spine": "Spine Surgery",
    "trauma": "Orthopaedic Trauma", "foot-ankle": "Foot and Ankle Surgery",
    "pediatrics": "Pediatric Orthopaedics",
}
FACTORS = (
    "preoperative opioid use", "smoking", "diabetes", "obesity", "vitamin D deficiency",
    "depression", "surgeon volume", "the day of the week of surgery", "same-day discharge",
    "tranexamic acid", "sleep apnea", "frailty", "a prior contralateral procedure",
    "Medicaid insurance", "living alone", "a long commute to the hospital",
)
OUTCOMES = (
    "the KOOS, JR. score", "the Oswestry Disability Index", "the PROMIS Physical Function score",
    "the Harris hip score", "patient satisfaction", "return to sport", "the ASES score",
    "the time to independent walking", "the EQ-5D index",
)
BAD_OUTCOMES = (
    "periprosthetic joint infection", "revision surgery", "readmission within 90 days",
    "nonunion", "persistent pain at one year", "venous thromboembolism", "surgical-site infection",
)
TAGS = (
    "PROMs", "opioids", "infection", "registry data", "cost", "return to sport", "frailty",
    "residency", "imaging", "biologics", "osteoporosis", "telemedicine", "diversity",
    "machine learning", "podcast", "webinar", "CME", "value-based care", "outpatient surgery",
    "older adults", "adolescents", "randomized trial",
)
SPORTS = ("soccer", "basketball", "volleyball", "lacrosse", "rugby", "gymnastics", "tennis")
RARE = (
    "an intraosseous ganglion of the talus", "a stress fracture of the ulnar shaft",
    "bilateral quadriceps tendon rupture", "an osteoid osteoma of the femoral neck",
    "a chronic Monteggia lesion", "an isolated cuboid fracture",
    "a locked posterior shoulder dislocation", "septic arthritis of the sternoclavicular joint",
)

STUDY_TITLES = (
    "Does {factor_title} Affect Outcomes After {short}?",
    "{factor_cap} and {short}: What {cases} Patients Tell Us",
    "Predicting {bad_outcome_title} After {short}",
    "{short} in Patients with {factor_title}: A Closer Look",
    "New JBJS Data on {short} and {factor_title}",
)
OPENERS = (
    "In the {issue} issue of The Journal of Bone & Joint Surgery, {lead} et al. report on "
    "{cases} patients who underwent {procedure} at {hospital}.",
    "How much does {factor} matter after {procedure}? A cohort study by {lead} et al. in the "
    "latest issue of JBJS offers a partial answer.",
    "{lead} and colleagues followed {cases} adults for a mean of {small} years after "
    "{procedure} to see whether {factor} changed the picture.",
    "A new JBJS study asks a question patients raise in clinic all the time: does {factor} "
    "affect recovery after {procedure}?",
)
METHODS = (
    "The authors compared outcomes between patients with and without {factor}, adjusting for "
    "age, sex, body mass index and comorbidities.",
    "Data came from a prospectively maintained institutional registry, and the primary outcome "
    "was {outcome} at {months} months.",
    "Patients were matched one-to-one on age and surgical indication, leaving {cases} pairs for "
    "the analysis.",
    "Follow-up was complete for {pct_high}% of the cohort, which the authors note is unusually "
    "high for a study of this size.",
    "Two fellowship-trained surgeons who did not know the group assignments reviewed every "
    "radiograph.",
    "The team also recorded opioid prescriptions filled within {months} months of discharge.",
)
RESULTS = (
    "Patients with {factor} had a {pct}% higher rate of reoperation within {small} years.",
    "The between-group difference in {outcome} was small and did not reach the minimal "
    "clinically important difference.",
    "At the final follow-up, {pct_high}% of patients said they would have the operation again.",
    "Complications occurred in {pct_small}% of one group and {pct_small}% of the other.",
    "Multivariable analysis identified {factor} as an independent predictor of {bad_outcome}.",
    "Improvement in {outcome} plateaued by {months} months in both groups.",
    "Length of stay was about half a day longer for patients with {factor}.",
)
TAKEAWAYS = (
    "The authors caution that the study was retrospective and that residual confounding "
    "cannot be ruled out.",
    "For now, the findings support a frank conversation about {factor} before {procedure} is "
    "scheduled.",
    "Whether these results hold in lower-volume centers remains an open question.",
    "The study adds to the evidence that {factor} deserves a place in preoperative counseling.",
    "A randomized trial would settle the question, though the authors concede one would be "
    "hard to run.",
)
ALTS = (
    "Graph of reoperation rates by group", "Radiograph after {procedure}",
    "Table of baseline patient characteristics", "Photo of the lead author at {hospital}",
    "Illustration for the {short} study", "Kaplan-Meier survival curve from the study",
)

FOUND_TITLES = (
    "Other Things OrthoBuzz Found This Week",
    "{n} Other Things OrthoBuzz Found Interesting",
    "OrthoBuzz Found: {topic_a}, {topic_b} and More",
    "Other Things OrthoBuzz Found in the {issue} Issue",
    "Between Issues: {topic_a}, {factor_title} and {short}",
)
FOUND_INTRO = (
    "Not everything we read this week made it into a full post. Here are a few more items "
    "worth your time.",
    "Our editors flagged these studies and stories while putting together the latest issue.",
    "A quick list of what caught our attention between issues, in no particular order.",
)
FOUND_ITEMS = (
    "A registry analysis of {cases} {procedure} cases linking {factor} with {bad_outcome}.",
    "A survey of {num} residency programs on how they teach {procedure}.",
    "Five-year results comparing two rehabilitation protocols after {procedure}.",
    "A cost analysis suggesting that {factor} adds about ${hundreds} per episode of care.",
    "Why {outcome} may understate function in patients over 80.",
    "A multicenter look at {bad_outcome} after {procedure} in {small} countries.",
    "Wearable step counts as an early warning sign after {procedure}.",
)

WHATS_NEW_INTRO = (
    "Each month OrthoBuzz highlights a JBJS specialty update. This time, {lead} selected the "
    "most clinically important studies in {specialty} from the past year.",
    "The latest specialty update in JBJS covers {specialty}. Here are the themes that stood "
    "out to us.",
)
WHATS_NEW_TOPICS = (
    "Infection Prevention", "Outpatient Pathways", "Implant Survivorship", "Rehabilitation",
    "Pain Management", "Imaging and Planning", "Bone Health", "Patient-Reported Outcomes",
    "Cost and Value", "Surgical Education",
)
WHATS_NEW_POINTS = (
    "A {cases}-patient series found lower rates of {bad_outcome} when {factor} was addressed "
    "before surgery.",
    "Two trials reached opposite conclusions about {factor}, and the update explains why.",
    "Registry data from {small} countries showed steady improvement in {outcome}.",
    "Several groups reported that supervised therapy offered no advantage over a home program.",
    "Cost studies continue to favor the outpatient setting for carefully selected patients.",
)

GUEST_TITLES = (
    "Guest Post: What {procedure_title} Taught Me About Listening",
    "Guest Post: {factor_title} Is Our Problem Too",
    "Guest Post: Rethinking Follow-Up After {short}",
    "Guest Post: A Resident’s View of {factor_title}",
    "Guest Post: {short}, {bad_outcome_title} and the Limits of Our Data",
    "Guest Post: Why I Stopped Ignoring {factor_title}",
)
GUEST_PARAS = (
    "Early in my practice I measured success by the radiograph. It took me years to notice "
    "how often the radiograph and the patient disagreed.",
    "When I read the recent JBJS paper on {factor}, I recognized several of my own patients in "
    "its tables.",
    "We changed our clinic workflow last year so that every patient scheduled for {procedure} "
    "is screened for {factor}.",
    "The results have not been dramatic, but {outcome} has moved in the right direction.",
    "Residents tend to assume that {bad_outcome} is bad luck. Often it is not.",
    "None of this requires new technology. It requires time, which is the scarcest resource in "
    "any clinic.",
    "I would encourage colleagues to audit their own numbers before deciding the problem lies "
    "elsewhere.",
)
GUEST_ROLES = (
    "an orthopaedic surgeon", "a fellowship-trained sports medicine surgeon",
    "an assistant professor of orthopaedic surgery", "a PGY-5 orthopaedic resident",
    "a physical therapist and researcher",
)

CASE_PARAS = (
    "A {age}-year-old {sport} player presented with {months_small} weeks of pain after a "
    "minor fall during practice.",
    "Plain radiographs were read as normal, and magnetic resonance imaging showed {rare}.",
    "The patient was treated surgically, and the postoperative course was uneventful.",
    "At {months} months, the patient had returned to full activity without symptoms.",
    "The authors stress that a normal radiograph does not end the workup when pain persists.",
    "Only a handful of similar cases appear in the literature, most of them in adults.",
)
CAPTIONS = (
    "Fig. 1 Anteroposterior radiograph at presentation.",
    "Fig. 2 Sagittal MRI showing the lesion (arrow).",
    "Fig. 3 Radiograph {months} months after surgery.",
)

NEWS_TITLES = (
    "JBJS Webinar on {topic_a}: Registration Now Open",
    "New JBJS Podcast Episode: {topic_a}",
    "Call for Reviewers: JBJS Seeks Experts in {specialty_title}",
    "JBJS Names {lead_name} as Deputy Editor",
)
NEWS_PARAS = (
    "The next JBJS webinar takes place on {weekday} and features a panel on {topic_lower}.",
    "Attendance is free for subscribers, and the recording will be posted afterward.",
    "In the new episode, the editors discuss {topic_lower} with the authors of a recent study.",
    "Reviewers with expertise in {specialty} are especially welcome this year.",
    "{lead_name} has served on the editorial board since {year_a} and practices at "
    "{hospital}.",
    "Questions can be sent to the editorial office through the contact page.",
)
CME = (
    "Earn CME: JBJS subscribers can claim continuing medical education credit for selected "
    "articles. Details are on the journal site."
)
SUBSCRIBE = "Enter your email address to subscribe to OrthoBuzz and receive new posts by email."
COMMENTS = (
    "Thanks for the clear summary. We see the same pattern in our own registry.",
    "Would be curious to know how many patients were lost to follow-up.",
    "Great post. Sharing this with our residents for journal club next week.",
    "The effect size seems modest. Is it clinically meaningful?",
    "We changed our protocol after a similar study and have not looked back.",
    "Appreciate OrthoBuzz highlighting these papers every week.",
    "Any plans to cover the accompanying commentary?",
)
