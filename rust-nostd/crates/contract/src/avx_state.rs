//! Whether the operating system lets code use the AVX registers an x86_64 CPU
//! has. CPUID says what the CPU implements; the wider registers are usable
//! only once the OS saves them on every context switch, which it announces by
//! setting CR4.OSXSAVE (seen as CPUID.1:ECX bit 27) and the matching bits of
//! XCR0 (read with XGETBV, which faults unless OSXSAVE is set). Code using AVX
//! on a CPU that has it but an OS that does not save it faults or corrupts
//! other threads' registers. Kept here, apart from the `cpuid` reads of the
//! embedding's `host_features.rs`, so it can be tested on any machine.

/// CPUID.1:ECX bit 27: the OS has enabled XSAVE and XGETBV.
pub const CPUID1_ECX_OSXSAVE: u32 = 1 << 27;
/// XCR0 bits 1 and 2: SSE (XMM) and AVX (upper YMM) state.
pub const XCR0_AVX: u64 = 0b110;
/// XCR0 bits 5 to 7: AVX-512 opmask, upper ZMM0-15 and ZMM16-31 state.
pub const XCR0_AVX512: u64 = 0b111 << 5;

/// The widest vector state the OS saves for this process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AvxState {
    /// Only the SSE registers: no AVX, AVX2, FMA or AVX-512 code may run.
    None,
    /// YMM registers: AVX, AVX2 and FMA code may run.
    Avx,
    /// ZMM and opmask registers too: AVX-512 code may run.
    Avx512,
}

/// Decides from CPUID.1:ECX and XCR0 (`xcr0` is only meaningful when ECX has
/// OSXSAVE set; pass 0 when XGETBV could not be executed).
pub fn avx_state(cpuid1_ecx: u32, xcr0: u64) -> AvxState {
    if cpuid1_ecx & CPUID1_ECX_OSXSAVE == 0 || xcr0 & XCR0_AVX != XCR0_AVX {
        AvxState::None
    } else if xcr0 & XCR0_AVX512 != XCR0_AVX512 {
        AvxState::Avx
    } else {
        AvxState::Avx512
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: u64 = XCR0_AVX | XCR0_AVX512 | 1;

    #[test]
    fn without_osxsave_xcr0_is_not_trusted() {
        assert_eq!(avx_state(0, ALL), AvxState::None);
    }

    #[test]
    fn both_sse_and_avx_state_are_needed_for_avx() {
        assert_eq!(avx_state(CPUID1_ECX_OSXSAVE, 0b011), AvxState::None, "SSE state only");
        assert_eq!(avx_state(CPUID1_ECX_OSXSAVE, 0b101), AvxState::None, "AVX state without SSE state");
        assert_eq!(avx_state(CPUID1_ECX_OSXSAVE, 0b111), AvxState::Avx);
    }

    #[test]
    fn avx512_needs_all_three_of_its_states_on_top_of_avx() {
        assert_eq!(avx_state(CPUID1_ECX_OSXSAVE, ALL), AvxState::Avx512);
        for missing in [5, 6, 7] {
            assert_eq!(avx_state(CPUID1_ECX_OSXSAVE, ALL & !(1 << missing)), AvxState::Avx, "bit {missing} clear");
        }
        assert_eq!(avx_state(CPUID1_ECX_OSXSAVE, XCR0_AVX512 | 1), AvxState::None, "AVX-512 state without AVX state");
    }
}
