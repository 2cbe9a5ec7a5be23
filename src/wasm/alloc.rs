//! The wasm module's global allocator: the default one, wiping every block it frees.
//!
//! Originals pass through many owners on their way to a surrogate and back: the text a scrub is
//! given, the detector's folded copy, the surrogate engine's maps, the re-identifier's automaton,
//! the automaton `check` builds, the strings handed back to JS. Zeroizing each of them by type
//! would miss the copies a `Vec` or `HashMap` leaves behind when it grows. Wiping at `dealloc`
//! covers them all, and the growth copies too: `zalloc` does not override `realloc`, so the
//! default one (allocate, copy, free) wipes the old block. What stays in memory is what is still
//! owned; once `Core.free()` ran (the JS layer's `close()` and `forget()`), no original is.
//!
//! NOTE: the cost is one volatile pass over each freed block. Measured in Node 20 on the
//! structured corpus (440 documents, 132k chars), scrubbing went from about 155 ms to 380 ms
//! (under 1 ms a document); tests/browser/api.test.mjs checks the wipe itself (and fails
//! without this allocator).

#[global_allocator]
static ALLOC: zalloc::ZeroizingAlloc<std::alloc::System> =
    zalloc::ZeroizingAlloc(std::alloc::System);
