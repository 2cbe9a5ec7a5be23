//! Check digits of the identifier formats that have one (Luhn, ABA, DEA, NPI, VIN).
//!
//! TODO(stub): filled in with the ids recognizer.
