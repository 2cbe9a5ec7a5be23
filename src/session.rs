//! A scrubbing session over one vault: detect, substitute, store, and only then release.
//!
//! This joins the three rooms (detection, substitution, the vault) for callers with a
//! synchronous store: the CLI's vault file, tests, and memory. The browser binding does the same
//! steps around IndexedDB's asynchronous API.

use crate::reidentify::Rehydrator;
use crate::surrogate::{Pair, Policy, Scrubbed, Surrogates};
use crate::vault::{MappingEntry, RecordError, RecordStore, Vault};
use crate::{Detector, Error, Finding};

/// Detection, surrogates and an open vault.
pub struct Session<S: RecordStore> {
    detector: Detector,
    vault: Vault<S>,
    engine: Surrogates,
    policy: Policy,
    ttl_ms: Option<u64>,
    /// The creation time of the last stored pair: times are kept strictly increasing, so pairs
    /// made in one millisecond still restore in the order they were issued.
    last_ms: u64,
}

impl<S: RecordStore> std::fmt::Debug for Session<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("engine", &self.engine).finish_non_exhaustive()
    }
}

impl<S: RecordStore> Session<S> {
    /// Loads every live pair of `vault` and continues it. Records that could not be read (a
    /// tampered record, say) are returned beside the session, which still works with the rest.
    ///
    /// # Errors
    /// The vault's read errors, or no randomness for the surrogate generator.
    pub fn open(
        vault: Vault<S>,
        policy: Policy,
        now_ms: u64,
    ) -> Result<(Session<S>, Vec<RecordError>), Error> {
        let read = vault.entries(now_ms)?;
        let pairs = read
            .entries
            .iter()
            .map(|e| Pair {
                label: e.label,
                original: e.original.clone(),
                surrogate: e.surrogate.clone(),
            })
            .collect();
        let mut seed = zeroize::Zeroizing::new([0u8; 32]);
        crate::vault::fill_random(seed.as_mut_slice())?;
        let engine = Surrogates::from_parts(*seed, vault.date_offset(), pairs);
        let last_ms = read.entries.iter().map(|e| e.created_at_ms).max().unwrap_or(0);
        let session =
            Session { detector: Detector::new(), vault, engine, policy, ttl_ms: None, last_ms };
        Ok((session, read.errors))
    }

    /// Makes every new pair expire `ttl_ms` milliseconds after it is stored.
    pub fn with_ttl(mut self, ttl_ms: Option<u64>) -> Self {
        self.ttl_ms = ttl_ms;
        self
    }

    /// The identifiers in `text` (byte spans into it).
    ///
    /// # Errors
    /// [`crate::ErrorKind::InputTooLarge`].
    pub fn detect(&self, text: &str) -> Result<Vec<Finding>, Error> {
        self.detector.detect(text)
    }

    /// Scrubs `text`. New pairs are stored before the scrubbed text is returned: when storing
    /// fails, the error comes back instead of the text (fail closed), and the pairs are
    /// withdrawn so no later text uses a surrogate the vault does not hold.
    ///
    /// # Errors
    /// Detection errors and the vault's storage errors.
    pub fn scrub(&mut self, text: &str, now_ms: u64) -> Result<Scrubbed, Error> {
        let found = self.detector.detect(text)?;
        let out = self.engine.scrub(text, &found, &self.policy);
        for p in &out.new_pairs {
            self.last_ms = now_ms.max(self.last_ms + 1);
            let entry = MappingEntry {
                label: p.label,
                original: p.original.clone(),
                surrogate: p.surrogate.clone(),
                created_at_ms: self.last_ms,
                expires_at_ms: self.ttl_ms.map(|t| self.last_ms.saturating_add(t)),
            };
            if let Err(e) = self.vault.insert(&entry) {
                self.engine.retract(&out.new_pairs);
                return Err(e);
            }
        }
        Ok(out)
    }

    /// A re-identifier over every pair of this session's vault.
    pub fn rehydrator(&self) -> Rehydrator {
        Rehydrator::new(self.engine.pairs(), self.engine.date_offset())
    }

    /// The originals of this vault, and the registered known identifiers, still present in
    /// `text`: a caller refuses to send a text with any (spans only, never the values).
    ///
    /// # Errors
    /// [`crate::ErrorKind::InputTooLarge`].
    pub fn check(&self, text: &str) -> Result<Vec<crate::reidentify::Leak>, Error> {
        check(&self.detector, self.engine.pairs(), text)
    }

    /// Registers the current patient's identifiers (see [`crate::detect::Known`]): they are
    /// caught in any form from now on, and [`Session::check`] reports them.
    pub fn add_known(&mut self, known: &crate::detect::Known) {
        self.detector.add_known(known);
    }

    /// The vault, for `forget` or to reach its store.
    pub fn vault_mut(&mut self) -> &mut Vault<S> {
        &mut self.vault
    }

    /// Ends the session, giving back its vault.
    pub fn into_vault(self) -> Vault<S> {
        self.vault
    }
}

/// The originals of `pairs`, and the known identifiers registered with `detector`, present in
/// `text`, sorted by start. [`Session::check`] and the browser binding share it.
pub(crate) fn check(
    detector: &Detector,
    pairs: &[Pair],
    text: &str,
) -> Result<Vec<crate::reidentify::Leak>, Error> {
    let mut leaks = crate::reidentify::Leaks::new(pairs).find(text);
    for f in detector.detect(text)? {
        if f.recognizer == "known" && !leaks.iter().any(|l| l.start < f.end && f.start < l.end) {
            leaks.push(crate::reidentify::Leak { label: f.label, start: f.start, end: f.end });
        }
    }
    leaks.sort_by_key(|l| l.start);
    Ok(leaks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::{KeySource, MemoryStore, VaultKey};

    #[test]
    fn scrub_store_reopen_rehydrate() {
        let key = [9u8; 32];
        let vault =
            Vault::open(MemoryStore::new(), KeySource::Key(VaultKey::from_bytes(key))).unwrap();
        let (mut s, errors) = Session::open(vault, Policy::new(), 1).unwrap();
        assert!(errors.is_empty());
        let text = "Call 312-201-3344 about MRN 00482913, seen 03/14/2024.";
        let out = s.scrub(text, 1).unwrap();
        assert!(!out.text.contains("312-201-3344") && !out.text.contains("00482913"));
        let store = s.into_vault().into_store();
        let vault = Vault::open(store, KeySource::Key(VaultKey::from_bytes(key))).unwrap();
        let (s2, _) = Session::open(vault, Policy::new(), 2).unwrap();
        assert_eq!(s2.rehydrator().rehydrate(&out.text), text);
        // The same original gets the same surrogate in the reopened session.
        let mut s2 = s2;
        assert_eq!(s2.scrub(text, 3).unwrap().text, out.text);
        // check: the originals are found in a text about to leave, the surrogates are not.
        let leaks = s2.check(text).unwrap();
        assert!(leaks.iter().any(|l| &text[l.start..l.end] == "312-201-3344"));
        assert!(s2.check(&out.text).unwrap().is_empty(), "a scrubbed text holds no original");
    }
}
