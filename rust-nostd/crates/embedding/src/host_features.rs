//! CPU feature detection for `Config::detect_host_feature`: no_std Wasmtime has
//! no detector of its own, and it must confirm every ISA flag an artifact was
//! compiled with before running its code. On x86_64 a vector extension counts
//! only when the OS also saves its registers (`nsw_contract::avx_state`).

#[cfg(target_arch = "x86_64")]
pub fn detect(feature: &str) -> Option<bool> {
    use core::arch::x86_64::{__cpuid, __cpuid_count};
    use nsw_contract::avx_state::{AvxState, CPUID1_ECX_OSXSAVE, avx_state};
    let (leaf1, leaf7, ext1) = {
        let max = __cpuid(0).eax;
        let max_ext = __cpuid(0x8000_0000).eax;
        let leaf7 = if max >= 7 { Some(__cpuid_count(7, 0)) } else { None };
        let ext1 = if max_ext >= 0x8000_0001 { Some(__cpuid(0x8000_0001)) } else { None };
        (__cpuid(1), leaf7, ext1)
    };
    // XGETBV faults unless the OS set OSXSAVE.
    let xcr0 = if leaf1.ecx & CPUID1_ECX_OSXSAVE != 0 { xgetbv0() } else { 0 };
    let os = avx_state(leaf1.ecx, xcr0);
    let bit = |reg: u32, n: u32| reg & (1 << n) != 0;
    let avx = |reg: u32, n: u32| bit(reg, n) && os >= AvxState::Avx;
    let avx512 = |reg: u32, n: u32| bit(reg, n) && os >= AvxState::Avx512;
    Some(match feature {
        "sse3" => bit(leaf1.ecx, 0),
        "ssse3" => bit(leaf1.ecx, 9),
        "fma" => avx(leaf1.ecx, 12),
        "cmpxchg16b" => bit(leaf1.ecx, 13),
        "sse4.1" => bit(leaf1.ecx, 19),
        "sse4.2" => bit(leaf1.ecx, 20),
        "popcnt" => bit(leaf1.ecx, 23),
        "avx" => avx(leaf1.ecx, 28),
        "bmi1" => bit(leaf7?.ebx, 3),
        "avx2" => avx(leaf7?.ebx, 5),
        "bmi2" => bit(leaf7?.ebx, 8),
        "avx512f" => avx512(leaf7?.ebx, 16),
        "avx512dq" => avx512(leaf7?.ebx, 17),
        "avx512vl" => avx512(leaf7?.ebx, 31),
        "avx512vbmi" => avx512(leaf7?.ecx, 1),
        "avx512bitalg" => avx512(leaf7?.ecx, 12),
        "lzcnt" => bit(ext1?.ecx, 5),
        _ => return None,
    })
}

/// XCR0, the state components the OS saves. Call only when CPUID.1:ECX.OSXSAVE is set.
#[cfg(target_arch = "x86_64")]
fn xgetbv0() -> u64 {
    let (lo, hi): (u32, u32);
    // SAFETY: XGETBV with ECX=0 only reads XCR0; the caller checked OSXSAVE, without which it faults.
    unsafe { core::arch::asm!("xgetbv", in("ecx") 0u32, out("eax") lo, out("edx") hi, options(nomem, nostack, preserves_flags)) };
    (u64::from(hi) << 32) | u64::from(lo)
}

#[cfg(target_arch = "aarch64")]
pub fn detect(feature: &str) -> Option<bool> {
    unsafe extern "C" {
        fn getauxval(kind: u64) -> u64;
    }
    const AT_HWCAP: u64 = 16;
    // Bits of the Linux arm64 HWCAP word.
    const HWCAP_ATOMICS: u64 = 1 << 8;
    const HWCAP_FPHP: u64 = 1 << 9;
    const HWCAP_ASIMDDP: u64 = 1 << 20;
    const HWCAP_PACA: u64 = 1 << 30;
    // SAFETY: getauxval is always safe to call.
    let hwcap = unsafe { getauxval(AT_HWCAP) };
    Some(match feature {
        "lse" => hwcap & HWCAP_ATOMICS != 0,
        "fp16" => hwcap & HWCAP_FPHP != 0,
        "dotprod" => hwcap & HWCAP_ASIMDDP != 0,
        "paca" => hwcap & HWCAP_PACA != 0,
        _ => return None,
    })
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
pub fn detect(_feature: &str) -> Option<bool> {
    None
}
