"""Word pools for the replica's fictional world.

Every company, product, hospital, surgeon, writer and outlet here is invented, so no real person
or company is ever credited with the replica's invented news.
"""

from __future__ import annotations

# (name, what it is, headquarters, web domain)
COMPANIES: tuple[tuple[str, str, str, str], ...] = (
    ("Corvane Spine", "a developer of minimally invasive spinal implants", "Austin, Texas",
     "corvanespine"),
    ("Meridex Orthopedics", "a musculoskeletal device company focused on joint reconstruction",
     "Warsaw, Ind.", "meridexortho"),
    ("Norvia Biologics", "a regenerative medicine company developing bone graft substitutes",
     "San Diego", "norviabio"),
    ("Tessaline Medical", "a maker of navigation and imaging systems for spine surgery",
     "Minneapolis", "tessaline"),
    ("Quillon Spine", "a privately held spinal technology company", "Memphis, Tenn.",
     "quillonspine"),
    ("Sablecrest Surgical", "a surgical robotics company", "Boston", "sablecrest"),
    ("Lumora Health", "a digital health company building recovery software for orthopedic "
     "patients", "Denver", "lumorahealth"),
    ("Castorra Orthopaedics", "a European orthopaedic implant manufacturer", "Zürich",
     "castorra"),
    ("Vantrell MedTech", "a contract manufacturer of titanium and PEEK implants", "Cleveland",
     "vantrellmedtech"),
    ("Ostrada Spine Technologies", "a company focused on sacroiliac joint and pelvic fixation",
     "Nashville, Tenn.", "ostradaspine"),
    ("Nexilo Robotics", "a developer of compact robotic guidance for spine and trauma",
     "Pittsburgh", "nexilo"),
    ("Selvane Orthopedics", "a sports medicine and extremities company", "Raleigh, N.C.",
     "selvane"),
    ("Torvik Medical", "a Scandinavian maker of trauma plating systems", "Göteborg, Sweden",
     "torvikmedical"),
    ("Aurelle Spine", "a motion-preservation company developing cervical and lumbar discs",
     "Irvine, Calif.", "aurellespine"),
    ("Ivoryth Surgical", "a maker of single-use instruments for outpatient surgery",
     "Salt Lake City", "ivoryth"),
    ("Junora Biomedical", "a company developing cell-based therapies for disc degeneration",
     "Cambridge, Mass.", "junorabio"),
    ("Kavanel Implant Systems", "a 3D-printed implant manufacturer", "Columbus, Ohio",
     "kavanel"),
    ("Mirandel Health Partners", "a physician-led management company for orthopedic practices",
     "Tampa, Fla.", "mirandelhealth"),
    ("Nimbra Orthopedics", "a foot and ankle device company", "Charlotte, N.C.", "nimbraortho"),
    ("Ondrava Medical", "a developer of intraoperative neuromonitoring systems",
     "Montréal", "ondrava"),
    ("Praxley Spine", "a spinal deformity company", "Phoenix", "praxleyspine"),
    ("Rivanne Technologies", "an augmented reality surgical visualization company",
     "Seattle", "rivanne"),
    ("Talveen Orthopaedic Group", "an independent orthopaedic practice with 14 locations",
     "Madison, Wis.", "talveenortho"),
    ("Valoran Bone & Joint", "an orthopedic device maker serving ambulatory surgery centers",
     "Louisville, Ky.", "valoran"),
    ("Wexlin Surgical", "a spinal endoscopy company", "Kraków, Poland", "wexlin"),
    ("Zephrion Medical", "a company developing AI-based surgical planning software",
     "Palo Alto, Calif.", "zephrion"),
    ("Brevora Spine", "a maker of expandable interbody cages", "Jacksonville, Fla.",
     "brevoraspine"),
    ("Calvessa Orthopedics", "a total joint company focused on cementless knees",
     "Fort Wayne, Ind.", "calvessa"),
    ("Dorvane Biologics", "a supplier of allograft and demineralized bone matrix products",
     "Edison, N.J.", "dorvane"),
    ("Fenmore Medical", "a privately held maker of kyphoplasty and vertebral augmentation "
     "systems", "Lyon, France", "fenmoremedical"),
    ("Halvex Spine & Trauma", "a spine and trauma device company", "São Paulo",
     "halvexspine"),
    ("Orbelle Surgical", "an ambulatory surgery center developer", "Scottsdale, Ariz.",
     "orbellesurgical"),
)

PRODUCT_ROOTS = (
    "Trellan", "Quorra", "Vexalon", "Kinetra", "Arclyn", "Helixa", "Ostavo", "Lumbrix",
    "Cervana", "Fusera", "Tanzo", "Orivel", "Pivora", "Sentrix", "Alvara", "Brisa", "Coralis",
    "Meltra", "Solenne", "Varix", "Nuvella", "Strivo", "Palisade", "Cobalto", "Ferro", "Ridgeline",
)
PRODUCT_SUFFIXES = ("", "", "", "-L", " TL", " 2.0", " Pro", " XT", "-C", " Max")

# (device, short noun, indication)
DEVICES: tuple[tuple[str, str, str], ...] = (
    ("Lumbar Interbody Fusion System", "cage", "degenerative disc disease of the lumbar spine"),
    ("Expandable Interbody Cage", "cage", "one- or two-level lumbar fusion"),
    ("Pedicle Screw System", "screw system", "posterior thoracolumbar fixation"),
    ("Anterior Cervical Plate", "plate", "anterior cervical discectomy and fusion"),
    ("Cervical Disc Replacement", "disc", "single-level cervical radiculopathy"),
    ("Sacroiliac Joint Fusion Implant", "implant", "sacroiliac joint dysfunction"),
    ("Bone Graft Substitute", "graft", "filling bony voids in the posterolateral spine"),
    ("Navigation Platform", "platform", "image-guided spine and cranial procedures"),
    ("Robotic Guidance System", "robot", "screw placement in the thoracolumbar spine"),
    ("Vertebral Augmentation System", "system", "painful vertebral compression fractures"),
    ("Total Knee System", "knee", "primary total knee arthroplasty"),
    ("Hip Stem", "stem", "primary total hip arthroplasty"),
    ("Shoulder Arthroplasty System", "shoulder system", "anatomic and reverse shoulder "
     "replacement"),
    ("Suture Anchor", "anchor", "soft tissue repair in the shoulder and knee"),
    ("3D-Printed Titanium Cage", "cage", "transforaminal lumbar interbody fusion"),
    ("Endoscopic Spine System", "system", "full-endoscopic lumbar decompression"),
    ("Intramedullary Nail", "nail", "fractures of the femur and tibia"),
    ("Foot and Ankle Plating System", "plating system", "midfoot and hindfoot arthrodesis"),
)

FIRST_NAMES = (
    "Priya", "Tomás", "Aurélie", "Jonas", "Amara", "Søren", "Mei-Lin", "Rafael", "Ingrid",
    "Kwame", "Leila", "Mateo", "Noor", "Elena", "Hiroshi", "Chidi", "Björn", "Lucía", "Adaeze",
    "Callum", "Dmitri", "Farah", "Gideon", "Hana", "Ilse", "Jovan", "Keiko", "Lorenzo", "Maren",
    "Nikhil", "Oona", "Pascal", "Rosalind", "Saoirse", "Tariq", "Ulrike", "Viktor", "Wren",
    "Yusuf", "Zofia", "Anders", "Beatriz", "Cormac", "Delphine", "Emeka", "Greta", "Héloïse",
)
LAST_NAMES = (
    "Halvorsen", "Ferreira-Lind", "Marchetti", "Brückner", "Okonkwo", "Vikstrand", "Ashford",
    "Castellanos", "Lindqvist", "Mensah-Pryce", "Haddadin", "Quinterra", "Rahimova", "Petrakis",
    "Takemori", "Ezeoke", "Sandvold", "Moreno-Pratt", "Nwachukwu-Hale", "Drummore", "Volkanov",
    "Siddiquee", "Brennick", "Yamashiro", "Kesselring", "Draganova", "Fujimori", "Bellandi",
    "Thorsby", "Raghunathan", "Lainevaara", "Morelle", "Devereaux", "Whitlocke", "Oyelaran",
    "Szymanek", "Achterberg", "Colquhoun", "Grünwald", "Iversen-Tate", "Jablonski-Reyes",
)
SURGEON_ROLES = (
    "an orthopedic spine surgeon", "a neurosurgeon", "chief of spine surgery",
    "director of the spine center", "a fellowship-trained orthopedic surgeon",
    "chair of orthopedic surgery", "a sports medicine surgeon", "a pediatric spine surgeon",
    "medical director of the joint replacement program", "a complex spine surgeon",
)
EXEC_TITLES = (
    "CEO", "president and CEO", "chief medical officer", "vice president of marketing",
    "chief technology officer", "co-founder and CEO", "chief commercial officer",
    "senior vice president of research and development", "general manager of spine",
)

# (hospital, city)
HOSPITALS: tuple[tuple[str, str], ...] = (
    ("Lakeshore Spine Institute", "Chicago"),
    ("Mercy Ridge Medical Center", "Omaha, Neb."),
    ("St. Aldric Hospital", "Baltimore"),
    ("Hôpital Saint-Aubin", "Lyon, France"),
    ("Klinikum Ostwald", "Zürich"),
    ("Bayfront Orthopedic & Spine Center", "Tampa, Fla."),
    ("Redfern University Medical Center", "Ann Arbor, Mich."),
    ("Copperline Surgical Hospital", "Tucson, Ariz."),
    ("Northgate Orthopaedic Clinic", "Leeds, England"),
    ("Clínica San Telmo", "Buenos Aires"),
    ("Westbrook Bone and Joint", "Portland, Ore."),
    ("Ashgrove Regional Hospital", "Spokane, Wash."),
    ("Pinecrest Spine & Pain", "Boise, Idaho"),
    ("Kessington Medical Center", "Hartford, Conn."),
    ("Granite Peak Surgery Center", "Denver"),
    ("Riverside Ambulatory Spine Center", "Sacramento, Calif."),
    ("Halden University Hospital", "Oslo, Norway"),
    ("Marlowe Orthopedic Specialty Hospital", "Birmingham, Ala."),
)

DATELINE_CITIES = (
    "AUSTIN, Texas", "MINNEAPOLIS", "ZÜRICH", "SAN DIEGO", "MEMPHIS, Tenn.", "WARSAW, Ind.",
    "BOSTON", "DENVER", "SÃO PAULO", "MONTRÉAL", "NASHVILLE, Tenn.", "IRVINE, Calif.",
    "CLEVELAND", "RALEIGH, N.C.", "LYON, France", "PITTSBURGH", "SEATTLE", "PHOENIX",
)

# Writers of the trade outlets whose stories the site republishes.
WRITERS = (
    "Marisol Keane", "Tobias Renwick", "Harriet Solberg", "Owen Castellano", "Nadia Fairbrook",
    "Julian Ostrowe", "Celeste Abernathy", "Priscilla Danvers", "Rowan Achterberg",
    "Imogen Tully", "Declan Moravec", "Esther Whitfield-Ng", "Gabriel Lindahl", "Ruth Okafor",
)

# (name, homepage, path prefix of its stories)
OUTLETS: tuple[tuple[str, str, str], ...] = (
    ("Spine Review Weekly", "https://www.spinereviewweekly.example", "/spine/"),
    ("Orthopedic Business Journal", "https://obj.example", "/news/"),
    ("The Bone & Joint Dispatch", "https://www.bonejointdispatch.example", "/stories/"),
    ("Surgical Markets Daily", "https://surgicalmarketsdaily.example", "/devices/"),
    ("Spine Practice Monthly", "https://www.spinepracticemonthly.example", "/practice/"),
    ("MedDevice Ledger", "https://meddeviceledger.example", "/ortho/"),
)
WIRES: tuple[tuple[str, str], ...] = (
    ("MedWire Newsroom", "https://www.medwirenewsroom.example"),
    ("HealthTech Press Wire", "https://healthtechpresswire.example"),
)
RESEARCH_FIRMS = (
    "Brightline Market Insights", "Veritas Research Partners", "Northwind Health Analytics",
    "Corridor Data Group", "Alder & Finch Research",
)

TOPICS = (
    "outpatient spine surgery", "robotic-assisted spine surgery", "endoscopic spine surgery",
    "value-based care", "cervical disc replacement", "adult spinal deformity",
    "sacroiliac joint fusion", "bone health optimization", "AI-driven surgical planning",
    "same-day joint replacement", "biologics in fusion", "surgeon training",
    "private equity in orthopedics", "prior authorization", "enabling technology",
    "pediatric scoliosis care", "osteoporotic fixation", "enhanced recovery protocols",
)
PROCEDURES = (
    "one-level ACDF", "lumbar microdiscectomy", "TLIF", "lateral lumbar interbody fusion",
    "cervical disc replacement", "kyphoplasty", "minimally invasive decompression",
    "total knee replacement", "total hip replacement", "SI joint fusion",
    "posterior cervical fusion", "anterior lumbar interbody fusion", "rotator cuff repair",
)
TECHNOLOGIES = (
    "navigation", "robotics", "augmented reality headsets", "intraoperative CT",
    "patient-specific implants", "3D-printed titanium", "neuromonitoring", "predictive analytics",
    "remote patient monitoring", "ultrasonic bone scalpels", "endoscopes",
)
REGIONS = ("Global", "U.S.", "European", "Asia-Pacific", "North American", "Latin American")
MARKETS = (
    "Spinal Implants", "Orthopedic Robotics", "Bone Graft Substitutes", "Spinal Biologics",
    "Knee Arthroplasty", "Vertebral Augmentation", "Sports Medicine Devices",
    "Surgical Navigation", "Trauma Fixation", "Motion Preservation Devices",
)
MARKET_SEGMENTS = (
    "Thoracolumbar fixation", "Cervical fixation", "Interbody devices", "Motion preservation",
    "Biologics", "Enabling technology", "Vertebral augmentation", "Non-fusion devices",
    "Revision implants", "Instruments and disposables",
)

TAGS = (
    "spinal fusion", "minimally invasive surgery", "ASC", "robotics", "FDA 510(k)",
    "3D printing", "biologics", "cervical disc", "total knee", "navigation", "SI joint",
    "outpatient spine", "value-based care", "M&A", "funding", "clinical trial", "bone graft",
    "scoliosis", "kyphoplasty", "endoscopic spine", "artificial intelligence", "reimbursement",
    "CMS", "private equity", "surgeon interview", "market report", "trauma", "sports medicine",
    "hip replacement", "augmented reality", "physician moves", "study",
)

# (name, slug, description)
CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("Spine", "spine", "News on spinal implants, surgeons and practices."),
    ("Orthopedics", "orthopedics", "Joint replacement, trauma and extremities news."),
    ("Press Releases", "press-releases", "Announcements from device companies and practices."),
    ("FDA", "fda", "Clearances, approvals and regulatory news."),
    ("Interviews", "interviews", "Conversations with surgeons and executives."),
    ("Business & Finance", "business-finance", "Deals, funding rounds and earnings."),
    ("Market Reports", "market-reports", "Market sizing and industry research."),
    ("Featured", "featured", "Editors’ picks."),
    ("Technology", "technology", "Robotics, navigation, imaging and software."),
    ("Research", "research", "Clinical studies and outcomes data."),
    ("Practice Management", "practice-management", "ASCs, payers and practice operations."),
)

# The WordPress accounts that post: (name, slug, share of posts, bio sentences, social)
ACCOUNTS: tuple[tuple[str, str, float, tuple[str, ...], str], ...] = (
    ("Dana Whitcomb", "dana-whitcomb", 0.76, (
        "Dana Whitcomb is the founding editor of OrthoSpineNews and has covered the spine "
        "device business since 2009.",
        "Before turning to journalism she spent six years in product marketing at a "
        "mid-sized implant maker in the Midwest.",
        "Dana lives outside Austin with two very patient retrievers and a garage full of "
        "unfinished woodworking projects.",
    ), "https://x.com/danawhitcomb_osn"),
    ("Elliot Navarre", "elliot-navarre", 0.17, (
        "Elliot Navarre is a staff writer at OrthoSpineNews covering deals, payers and "
        "ambulatory surgery centers.",
        "He previously reported on hospital finance for a regional business weekly.",
        "Send him tips about practice consolidation any day of the week.",
    ), "https://www.linkedin.com/in/elliot-navarre-osn"),
    ("Renata Osei", "renata-osei", 0.07, (
        "Renata Osei is a contributing editor who writes about orthopedic research and "
        "clinical outcomes.",
        "She holds a master’s degree in biomedical engineering and once built a "
        "cadaver-lab fixture out of spare bicycle parts.",
    ), "https://x.com/renataosei_ortho"),
)

COMMENTERS = (
    "Mark T.", "spinepa_jen", "Dr. Alan Verhoeven", "OR nurse in Ohio", "Carla Mendes",
    "Jeff R", "Sunita Paranjape", "retired rep", "Kofi Annor-Bright", "M. Delacroix",
    "Lindsey W.", "ASC administrator", "Tom Brandvold",
)
