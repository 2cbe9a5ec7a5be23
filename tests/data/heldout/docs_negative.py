"""Negative-heavy clinical text, written by hand: look-alikes, few or no identifiers."""

NEGATIVE = [
    """VITALS 0800: T 37.2 C, HR 88, BP 134/86 (MAP 102), RR 18, SpO2 96% on 2 L NC. Pain 4/10. I/O 1450/1200. Wt 81.6 kg (prev 82.9 kg). BG 142, 188, 167, 201 mg/dL.""",

    """BMP: Na 138, K 4.1, Cl 101, CO2 24, BUN 18, Cr 1.12, Glu 104, Ca 9.3. Anion gap 13. eGFR 67 mL/min/1.73m2. Mg 2.0, Phos 3.4.
CBC: WBC 11.2, Hgb 10.4, Hct 31.8, Plt 412. MCV 84. Diff: 78% N, 14% L, 6% M.""",

    """Heparin nomogram: bolus 80 units/kg, then 18 units/kg/hr. aPTT q6h, goal 60-85 s. If aPTT < 35: rebolus 80 u/kg, increase 4 u/kg/hr. If 35-45: rebolus 40 u/kg, increase 2 u/kg/hr. If 86-100: decrease 2 u/kg/hr. If > 100: hold 1 hr, decrease 3 u/kg/hr.""",

    """Assessment: 67-year-old man with T2DM (dx 2009), HTN, HLD. A1c 7.9 -> 7.1 over 6 months. ICD-10 E11.65, I10, E78.5. Plan: continue metformin 1000 mg BID, add empagliflozin 10 mg daily. CPT 99214. Return in 3 months.""",

    """Glasgow Coma Scale 14 (E4 V4 M6). NIHSS 3 (facial palsy 1, dysarthria 1, sensory 1). mRS 1 at baseline. CHA2DS2-VASc 4, HAS-BLED 2. Wells score 1.5. CURB-65 of 2.""",

    """Room 1412B -> transferred to 6 North bed 22. Code status: Full. Isolation: contact (MRSA hx 2021). Fall risk: Morse 55. Braden 16. Diet: 2 g Na, 1.5 L fluid restriction.""",

    """NDC 0093-7214-01 atorvastatin 40 mg, qty 90, 3 refills. NDC 50090-3121-0 lisinopril 20 mg. Sig: 1 tab PO daily. Days supply 90.""",

    """Infusion: vancomycin 1250 mg IV q12h, trough before 4th dose goal 15-20. Piperacillin-tazobactam 4.5 g IV q6h extended infusion over 4 hours. Run time 0600-1000, 1200-1600, 1800-2200.""",

    """Pt reports smoking 1 ppd x 40 years (40 pack-years), quit 2015. EtOH 2-3 beers on weekends. No illicit drugs. Worked as an electrician until age 62. Lives with wife; 2 adult children in Ohio and Georgia.""",

    """ECHO: LVEF 55-60%. LVIDd 4.8 cm. Grade I diastolic dysfunction, E/A 0.7, E/e' 11. RVSP 32 mmHg. Mild MR, trace TR. Aortic root 3.6 cm. No pericardial effusion.""",

    """Hemodynamics: RA 8, RV 42/8, PA 42/18 (mean 28), PCWP 16, CO 4.2 L/min, CI 2.1, PVR 2.9 WU, SVR 1340. SvO2 64%.""",

    """Spirometry: FEV1 1.62 L (58% pred), FVC 2.81 L (79% pred), FEV1/FVC 0.58. Post-BD FEV1 +9%, 140 mL. DLCO 52% pred. GOLD 2, group E. 6MWT 312 m, nadir SpO2 87%.""",

    """Insulin sliding scale (low dose): BG 151-200: 2 units; 201-250: 4 units; 251-300: 6 units; 301-350: 8 units; > 350: 10 units and call MD. Check AC and HS.""",

    """Ventilator: PRVC, Vt 420 mL (6 mL/kg IBW), RR 20, PEEP 12, FiO2 0.45. Pplat 26, driving pressure 14. ABG 7.34/48/78/25. P/F 173. RASS -2, CAM-ICU negative.""",

    """Oncology staging: pT2 pN1a (2/14) M0, stage IIB. Margins negative (closest 3 mm). LVI present. Ki-67 25%. Oncotype DX RS 18. Plan: AC x 4 then T x 12, followed by radiation 50 Gy in 25 fractions.""",

    """Pt is a 78 yo F from a small town in Vermont. Symptoms began around Thanksgiving, worsened over the winter. Reports 3 falls in the past year. Timed up and go 16 s. Tinetti 19/28. Vision 20/40 OU.""",

    """Neuro exam: CN II-XII intact. Strength 5/5 throughout except L deltoid 4+/5. Reflexes 2+ symmetric, Babinski downgoing, Hoffmann absent. Romberg negative. Finger-to-nose intact. Gait narrow-based.""",

    """Peds dosing: acetaminophen 15 mg/kg q6h (max 75 mg/kg/day), ibuprofen 10 mg/kg q6-8h. Wt 18.2 kg -> acetaminophen 270 mg, ibuprofen 180 mg. Amoxicillin 90 mg/kg/day div BID x 10 days.""",

    """Pt seen in clinic [[DATE|3/14]] for follow-up. BP 118/76, HR 64. Lipids: TC 182, LDL 98, HDL 51, TG 165. Continue rosuvastatin 10 mg. Counseled on Mediterranean diet, 150 min/week moderate exercise. Next lipid panel in 12 months.""",

    """Wound measurements: week 1 4.2 x 3.1 x 0.8 cm; week 2 3.8 x 2.9 x 0.6 cm; week 3 3.1 x 2.2 x 0.4 cm. Tunneling at 12 o'clock 1.5 cm. Exudate moderate serosanguinous. NPWT at -125 mmHg continuous, changed M/W/F.""",
]
