//! Counts the bytes a parser looks at, so that a test can prove a cost bound by counting
//! instead of timing. Counting happens in test builds only; elsewhere it compiles to nothing.

#[cfg(test)]
thread_local! {
    static BYTES: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// Counts `n` bytes looked at.
#[inline]
pub(crate) fn bytes(n: usize) {
    #[cfg(test)]
    BYTES.with(|b| b.set(b.get() + n));
    #[cfg(not(test))]
    let _ = n;
}

/// The bytes counted on this thread since the last call.
#[cfg(test)]
pub(crate) fn take() -> usize {
    BYTES.with(|b| b.replace(0))
}
