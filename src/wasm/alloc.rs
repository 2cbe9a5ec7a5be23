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
//! NOTE: the cost is one pass over each freed block; the browser tests measure the corpus round
//! trip with it on.

#[global_allocator]
static ALLOC: zalloc::ZeroizingAlloc<std::alloc::System> =
    zalloc::ZeroizingAlloc(std::alloc::System);
