"""Clinical notes in varied hospital styles, written by hand."""

NOTE = [
    # H&P
    """HISTORY AND PHYSICAL
Patient: [[NAME|WHITTAKER, EUGENE R]]    MRN: [[MRN|40017726]]    DOB: [[DATE|04/17/1931]]
Admit date: [[DATE|03/02/2024]]    Attending: [[NAME|Sunita Rao]], MD

CC: shortness of breath x 3 days.
HPI: [[AGE|92]] y/o M with HFrEF (EF 25% on TTE [[DATE|Nov 2023]]), CKD 3b, AFib on apixaban 2.5 mg BID, presents from [[LOCATION_OTHER|Briar Glen Assisted Living]] with worsening orthopnea and 4 kg weight gain. Daughter ([[NAME|Janet Whittaker-Moss]], [[PHONE|555-614-2290]]) reports he stopped furosemide after a fall.
PE: T 36.8, HR 104 irregular, BP 148/92, RR 24, SpO2 88% RA -> 94% 3L NC. JVP to angle of jaw. Bibasilar crackles. 2+ pitting edema to knees.
A/P: Acute on chronic systolic HF. IV furosemide 40 mg BID, strict I/O, daily weights, BMP in AM.""",

    # discharge summary
    """DISCHARGE SUMMARY
[[LOCATION_OTHER|St. Ansgar Regional Hospital]], [[CITY|Decorah]], IA
Name: [[NAME|Maribel Castillo-Ruiz]]   Acct: [[ACCOUNT|V00048812734]]   MRN: [[MRN|SAR-221904]]
Admitted: [[DATE|2/26/24]]   Discharged: [[DATE|3/1/24]]
Diagnosis: community-acquired pneumonia, RLL.
Hospital course: Started on ceftriaxone 1 g daily + azithromycin 500 mg. Defervesced by day 2. Transitioned to cefpodoxime 200 mg BID to complete 5 days.
Follow-up: PCP Dr. [[NAME|Helen Marchetti]] within 1 week; call [[PHONE|(555) 382-7100 ext. 4]] to schedule. Repeat CXR in 6-8 weeks.
Dictated by [[NAME|Owen Feld]], PA-C, [[DATE|03/01/2024]] 14:22""",

    # radiology
    """EXAM: CT CHEST WITHOUT CONTRAST
ACCESSION: [[ID_OTHER|CT24-0093317]]   PATIENT: [[NAME|Lindqvist, Ingrid]]   MRN [[MRN|7730-0412]]
DATE OF EXAM: [[DATE|March 8, 2024]]
COMPARISON: [[DATE|09/14/2022]].
FINDINGS: 6 mm solid nodule RUL (series 3, image 47), previously 5 mm. No lymphadenopathy. Mild centrilobular emphysema. Coronary artery calcifications.
IMPRESSION: Slight interval growth of 6 mm RUL nodule; Fleischner follow-up CT in 6-12 months.
Electronically signed: [[NAME|Marcus T. Abernathy]], MD  [[DATE|03/08/2024]] 16:05""",

    # nursing note
    """Nursing note 0300: Pt resting, A&Ox3. Pain 3/10 R hip, declined PRN oxycodone. Foley draining clear yellow, 350 mL since 2300. Turned q2h, heels offloaded. Pt's son [[NAME|Dmitri]] called from [[CITY|Anchorage]] ([[PHONE|+1 907 555 0188]]) asking for update - pt consented, updated on plan for PT eval in AM. -[[NAME|K. Bellweather]], RN""",

    # med rec
    """MEDICATION RECONCILIATION - [[DATE|4/2]]
Pt: [[NAME|Florence Adeyemi-Burke]], [[AGE|97]] F, MRN [[MRN|00-551-908]]
Source: pt's niece [[NAME|Tolu]] brought bottles; pharmacy fill hx from [[LOCATION_OTHER|Hartwell Pharmacy]] ([[PHONE|555-448-0127]]).
1. metoprolol succinate 25 mg PO daily - continue
2. levothyroxine 75 mcg PO qAM - continue
3. donepezil 10 mg qHS - HOLD (bradycardia HR 48)
4. calcium carbonate 500 mg + D3 800 IU BID - continue
5. Rx #[[ID_OTHER|3307719-04]] warfarin 2 mg - DISCONTINUED [[DATE|Jan '24]] per cardiology, pt still has bottle, removed""",

    # referral letter
    """[[DATE|14 March 2024]]

Dr. [[NAME|Anil Varghese]]
[[LOCATION_OTHER|Northshore Rheumatology Associates]]
[[ADDRESS|2200 Harbor View Blvd, Suite 310]]
[[CITY|Evanston]], IL [[ZIP|60201]]

Re: Ms. [[NAME|Theodora Quinlan]], DOB [[DATE|7 September 1958]]

Dear [[NAME|Anil]],
Thank you for seeing this pleasant 65-year-old woman with symmetric small-joint polyarthritis of the hands for 4 months, morning stiffness ~90 minutes, RF positive (48 IU/mL), anti-CCP 112 U. ESR 41, CRP 2.8. I started prednisone 10 mg daily on [[DATE|2/20]] with partial relief. She can be reached at [[PHONE|847-555-0163]].
With thanks,
[[NAME|Ruth Okonkwo-Hale]], MD
Fax [[FAX|847 555 0170]]  NPI [[LICENSE|1928374655]]""",

    # ED triage
    """ED TRIAGE [[DATE|05/19/24]] 22:47
CC: MVC, restrained driver. Arrived via Medic 14. Vehicle: silver sedan, TX plate [[VEHICLE|KRN-4410]] per EMS report, VIN [[VEHICLE|5YJ3E1EA2KF317000]] (for police report).
Pt [[NAME|Dante Morales]], unknown age ~30s, no ID, GCS 15. C-collar in place. Seatbelt sign across abdomen. FAST pending. ESI 2.""",

    # ICU progress note SOAP
    """MICU Progress Note - HD#6
S: Overnight, pt self-extubated at 0215, reintubated. Wife [[NAME|Beverly]] at bedside, wishes to discuss goals of care with Dr. [[NAME|Tanaka]].
O: Tmax 38.4. MAP 62-70 on norepi 0.08. Vent AC 18/450/PEEP 10/FiO2 0.5. Lactate 2.9 -> 1.8. Cr 2.1 (baseline 1.0).
A/P: Septic shock 2/2 E. coli bacteremia, source likely biliary. Cont pip-tazo. IR for perc chole tomorrow [[DATE|3/12]]. Family meeting at 1400 - [[NAME|Beverly]] to bring POA paperwork.""",

    # operative note
    """OPERATIVE REPORT
Date of surgery: [[DATE|Feb. 9th, 2024]]
Surgeon: [[NAME|Catalina Ibarra]], MD. Assistant: [[NAME|Reed Halvorsen]], MD.
Procedure: Left total knee arthroplasty.
Implants: femoral component UDI [[DEVICE|(01)10614267003215(17)281130(10)K88213]]; tibial tray lot [[DEVICE|2291-AC]], serial [[DEVICE|TT-0048213]]; poly insert 10 mm.
EBL 150 mL. Tourniquet time 72 min. No complications. Pt to PACU in stable condition.""",

    # cardiology device clinic
    """DEVICE CLINIC - remote transmission reviewed [[DATE|4/15/2024]]
Pt: [[NAME|Lorraine Pettibone]]  [[AGE|90]] yo F
Device: dual-chamber PPM, model ADDRL1, SN [[DEVICE|PJN203471S]], implanted [[DATE|Oct 2019]] at [[LOCATION_OTHER|Good Shepherd Heart Institute]].
Battery 8.5 yrs. RA pacing 41%, RV pacing <1%. 2 AHRE episodes, longest 3 min. Lead impedances stable.
Next remote in 91 days.""",

    # psychiatry intake
    """PSYCHIATRIC INTAKE
Identifying data: [[NAME|Corey Blanchard]] is a 34 yo single man, lives with roommate in [[CITY|Dayton]], works at a warehouse. Referred by PCP Dr. [[NAME|Yusuf Amari]].
HPI: 6 weeks of low mood, anhedonia, early waking at 0400, PHQ-9 of 19. Passive SI without plan. Denies HI. One prior episode in 2017 treated with sertraline 100 mg.
Safety: pt given crisis line and agreed to call [[PHONE|555-0199]] or 988. Emergency contact: sister [[NAME|Erin Blanchard]] [[PHONE|(555) 720-4431]].""",

    # pediatrics well child
    """WCC 12 mo. [[NAME|Amira Haddad]], DOB [[DATE|03-27-2023]]. Here with mom [[NAME|Layla]].
Wt 9.4 kg (48th %ile), Ht 75 cm (55th %ile), HC 45 cm. Pulling to stand, 3 words. Vaccines: MMR, varicella, Hep A #1, PCV #4 today. Lead screen sent. RTC 15 mo.""",

    # home health visit
    """HOME HEALTH SKILLED NURSING VISIT
Client: [[NAME|Ernestine Shaw-Delacroix]]  Age [[AGE|99]]
Address: [[ADDRESS|RR 2 Box 118]], [[CITY|Millersburg]], [[COUNTY|Holmes County]], OH [[ZIP|44654]]
Visit date Thurs [[DATE|3/21]]. Wound RLE stage 3, 2.1 x 1.4 x 0.3 cm, granulating. Santyl + foam. Caregiver grandson [[NAME|Jonah]] demonstrates dressing change. Next visit Mon.""",

    # pathology
    """SURGICAL PATHOLOGY REPORT
Case: [[ID_OTHER|SP24-004417]]   Collected: [[DATE|2024-02-28]]   Received: [[DATE|2024-02-29]]
Patient: [[NAME|Ahmadi, Farzaneh]]   MRN: [[MRN|1188 4023]]
Specimen: left breast, 10 o'clock, US-guided core biopsy x3.
Diagnosis: invasive ductal carcinoma, Nottingham grade 2 (3+2+2=7). ER 95%, PR 60%, HER2 IHC 1+.
Pathologist: [[NAME|G. Lemaire-Sutton]], MD""",

    # telehealth note with url/ip
    """Telehealth visit [[DATE|June 3rd]] 09:00 via [[URL|https://meet.telehealth.example.org/r/4471-ab?pin=2093&lang=en]].
Pt joined from IP [[IP|2001:db8:4a1f::3c2]] (logged for HIPAA audit). Verified identity with DOB [[DATE|12/30/1962]] and address [[ADDRESS|77 Quarry Hill Rd]].
Assessment: HTN well-controlled on amlodipine 5 mg. BP home log avg 126/79. Continue. RTC 6 mo.""",

    # consult note, surname first formats
    """ID CONSULT
Requested by: [[NAME|NGUYEN, BAO]] (hospitalist)
Reason: MSSA bacteremia, TEE negative.
Pt [[NAME|MCALLISTER, RONAN P]] is a 58M, IVDU hx, from [[CITY|Wheeling]], WV. Blood cx [[DATE|2/2]] and [[DATE|2/3]] positive, [[DATE|2/5]] negative. PICC placed [[DATE|2/7]].
Rec: cefazolin 2 g q8h x 6 weeks from first negative culture (end date [[DATE|3/18]]). Weekly CBC, BMP, ESR/CRP to OPAT fax [[FAX|555-291-6634]].""",

    # OB note
    """L&D admission. [[NAME|Keisha Fairbanks]] G3P2002 at 39w2d by LMP [[DATE|6/14/23]], c/w 8 wk US. EDD [[DATE|3/20/24]]. GBS neg. Contractions q3min since 0300. SVE 5/90/-1. Partner [[NAME|Marcus]] at bedside. Plan: epidural on request, expectant mgmt.""",

    # long-term care quarterly
    """MDS QUARTERLY REVIEW - [[LOCATION_OTHER|Maple Crest Care Center]], Room 214B
Resident: [[NAME|Chester Pawlowski]], a [[AGE|centenarian]] ([[AGE|101]]). Admitted [[DATE|August 2, 2016]].
BIMS 9/15. ADLs: extensive assist x1 for transfers. Wt 52.3 kg (-2.1 kg / 90 days). Diet: mechanical soft, nectar thick. No falls this quarter. POA: son [[NAME|Stanley Pawlowski]], [[PHONE|555-263-0815]].""",

    # ophthalmology
    """OPHTHALMOLOGY - [[NAME|Yolanda Brisbane]], [[AGE|ninety-four]]-year-old female
VA cc: OD 20/60, OS 20/200. IOP 16/18 by Goldmann. Dilated exam: OS wet AMD with subretinal fluid on OCT.
Plan: intravitreal aflibercept 2 mg OS today, lot [[DEVICE|4A7781C]]. Return 4 weeks. Driving: advised not to drive; DL [[LICENSE|B220-441-89-017-0]] (FL) noted in chart for DMV form.""",

    # physician-to-physician email-style note
    """Sign-out to night team (Sat [[DATE|the 16th]]):
Bed 7 - [[NAME|Okeke]], 71F, DKA resolving, AG closed at 1800, transition to SQ glargine 20 u at 2100, overlap insulin gtt 2h.
Bed 9 - [[NAME|Rasmussen]], [[AGE|95]]M, hip fx, ortho Dr. [[NAME|Pell]] wants NPO after MN for OR.
Bed 12 - [[NAME|Fontaine-Ivers]], 44F, EtOH w/d, CIWA 14 at 1600, on phenobarb protocol.
Pager for questions: [[PHONE|555-3321]]""",

    # dermatology
    """Derm clinic. Pt [[NAME|Quentin Albrecht]] (DOB [[DATE|1/1/1949]]) returns for 3-month skin check. Hx of melanoma in situ L shoulder excised [[DATE|Sept '22]]. Today: 4 mm irregular pigmented macule R calf -> shave biopsy. Photos uploaded to [[URL|https://derm.example.org/img/viewer.aspx?pid=88312&set=3]].""",

    # social work
    """SOCIAL WORK NOTE
Met with pt [[NAME|Rosalind Featherstone]] and her partner [[NAME|Gwen]] re discharge planning. Pt lives in a 2nd-floor walk-up at [[ADDRESS|519 Calloway St, Unit 2R]], [[CITY|Paterson]], NJ [[ZIP|07501]]. No elevator. Referred to [[LOCATION_OTHER|Garden State Home Care]] (intake [[PHONE|555-400-7720]]). Medicaid pending, application # [[ID_OTHER|NJ-FC-20240311-8841]].""",

    # death pronouncement
    """DEATH NOTE
Called to bedside at 04:12 on [[DATE|3/9/2024]] for pt [[NAME|Archibald Fenn]], [[AGE|98]]. No spontaneous respirations, no heart sounds x 1 min, pupils fixed. Time of death 04:14. Family ([[NAME|Miriam Fenn]], daughter) notified by phone [[PHONE|555-884-6120]]. Attending Dr. [[NAME|Liu]] notified. Autopsy declined.""",

    # brief clinic note with age in decades
    """GERIATRICS F/U: Pt is a pleasant woman in her [[AGE|90s]], lives with daughter in [[CITY|Sarasota]]. Mobility: walker. Falls x0. MoCA 22/30. BP 132/70. Continue vit D, deprescribe oxybutynin (anticholinergic burden).""",

    # outside records summary with account
    """Outside records received [[DATE|03/18]] from [[LOCATION_OTHER|Cedar Valley Orthopedics]] ([[ADDRESS|1400 N Main St]], [[CITY|Waterloo]]). MRI L-spine [[DATE|1/22/24]]: L4-5 broad-based disc bulge, moderate central stenosis. Their patient acct [[ACCOUNT|CVO-0071193]]. Records scanned to media tab.""",

    # anesthesia pre-op
    """PRE-ANESTHESIA EVAL
[[NAME|Beatrix Holloway-Imre]], [[AGE|91]] F. ASA 3. Mallampati II. Airway: edentulous. Allergies: PCN (hives). Last meal 1900 yesterday ([[DATE|3/27]]).
Anesthesia plan: spinal + MAC. Consent signed by pt and witnessed by [[NAME|D. Farrow]], RN.""",

    # transfer note with multiple facilities
    """TRANSFER ACCEPTANCE
Accepting pt from [[LOCATION_OTHER|Holy Cross Hospital of Taos]] to [[LOCATION_OTHER|University of New Mexico Hospital]] MICU. Referring MD: [[NAME|Pilar Esquibel]], [[PHONE|575-555-0144]]. Pt: [[NAME|Joaquin Trujillo]], 63M, massive PE s/p tPA. Transport: Lifeguard 3 fixed wing, ETA 1630.""",

    # lab communication note
    """Critical value called: K 6.8 on [[DATE|11/28]] 06:10. Read back by [[NAME|Simone Acheampong]], RN, to Dr. [[NAME|Gutierrez]] at 06:14. Repeat ordered, ECG ordered. Pt MRN [[MRN|E0042917]].""",

    # PT eval
    """PHYSICAL THERAPY EVALUATION
Pt [[NAME|Horace Delgado-Finch]], 82M, s/p R TKA [[DATE|2/29]]. ROM knee 5-85 deg. TUG 18 s. Berg 38/56. Ambulated 150 ft with RW, CGA. Stairs 4 steps with rail. Goals: 0-110 deg, indep with SPC by 4 wk. Home: lives alone in [[CITY|Bangor]], 3 steps to enter.""",

    # hospice
    """Hospice admission, [[LOCATION_OTHER|Riverbend Hospice House]]. Pt: [[NAME|Winifred Osei]], DOB [[DATE|8/8/1929]] ([[AGE|94]] yo). Dx: end-stage dementia (FAST 7c). Comfort-focused. DNR/DNI confirmed, POLST on file. Family contact: grandson [[NAME|Kwame Osei]], [[EMAIL|kwame.osei@example.org]], [[PHONE|555-391-0042]].""",

    # addendum with encounter number
    """ADDENDUM to encounter [[ID_OTHER|ENC-88210734]], [[DATE|01/05/2024]]: Spoke with pt's pharmacist [[NAME|Harriet Voss]], PharmD, who confirmed atorvastatin was filled at 40 mg not 80 mg. Med list updated. -[[NAME|J. Oyelaran]], NP""",

    # urology w/ implant
    """Urology clinic. [[NAME|Bernard Kowalski]], [[AGE|92]] M, s/p AUS placement [[DATE|May 2021]]; device card shows serial [[DEVICE|AMS800-2211748]]. Reports good continence, 1 pad/day. Cuff cycling normal. Cr 1.3. PSA 0.02. RTC 1 yr.""",

    # discharge instructions
    """DISCHARGE INSTRUCTIONS for [[NAME|Paulette Simmons]]
Your follow-up appointment: Wednesday, [[DATE|April 10]] at 2:15 PM with Dr. [[NAME|Amadou Diallo]], [[LOCATION_OTHER|Lakeshore Cardiology]], [[ADDRESS|901 Lakeshore Dr, 4th Floor]], [[CITY|Cleveland]], OH [[ZIP|44114-1203]].
If you gain more than 2 lb in a day or 5 lb in a week, call [[PHONE|216.555.0137]].
View your results online: [[URL|www.mychart.example.org/lakeshore]].""",

    # genetic counseling pedigree
    """GENETIC COUNSELING. Proband [[NAME|Naomi Feldstein]], 38F. Pedigree: mother (d. 52, ovarian ca), maternal aunt [[NAME|Ruth]] (breast ca at 44), maternal grandmother alive at [[AGE|96]] in [[CITY|Haifa]]. Ashkenazi Jewish ancestry. BRCA1/2 + multigene panel sent; results expected ~3 weeks.""",

    # wound care with photo URL and plate
    """Wound clinic. [[NAME|Tyrell Banks]], 57M, DM2 (A1c 9.8), plantar ulcer R 1st MTH, 1.8 x 1.5 cm, probe to bone neg. Offloading boot. Pt states he drives for a rideshare company, asked for work note; vehicle OH plate [[VEHICLE|JKV-2281]] per parking pass request.""",

    # neurology, eponyms and scores
    """NEUROLOGY. Pt [[NAME|Greta Vandermolen]] has Parkinson disease, H&Y stage 2.5, on carbidopa-levodopa 25/100 1.5 tab TID. UPDRS III 31. Mild Babinski absent bilaterally. Considering DBS referral to Dr. [[NAME|Kessler]] at [[LOCATION_OTHER|Mid-Atlantic Movement Disorders Center]].""",

    # CT with accession, referring
    """US ABDOMEN LIMITED (RUQ)
Referring: [[NAME|Beaulieu, Marc-Andre]] NP   Ordered [[DATE|03/22/2024]]   Acc# [[ID_OTHER|US-7781230]]
Clinical: RUQ pain, LFTs elevated.
Findings: Gallbladder distended with multiple shadowing stones, wall 5 mm, + sonographic Murphy sign. CBD 4 mm.
Impression: acute calculous cholecystitis.""",
]
