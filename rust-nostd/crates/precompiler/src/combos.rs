//! Turning `--target`/`--profile` choices into the engine settings to build.

use nsw_contract::{EngineSettings, Profile, Target};
use wasmtime::{Result, bail};

/// The settings to compile for, plus the pairs that were asked for but
/// cannot exist (reported, then skipped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Combos {
    pub settings: Vec<EngineSettings>,
    pub skipped: Vec<(Target, Profile)>,
}

/// Resolves the requested targets and profiles (empty = not given).
///
/// * Neither given: the `native` profile for the host architecture.
/// * Only profiles: each native profile for the host architecture, `pulley`
///   for `pulley64`.
/// * Only targets: `native` for a native target, `pulley` for `pulley64`.
/// * Both: every pair that fits; pairs that don't are skipped, and it is an
///   error when none fits.
///
/// `host` is the architecture used for defaults (normally [`Target::host`]).
pub fn resolve_combos(
    targets: &[Target],
    profiles: &[Profile],
    fuel: bool,
    epoch: bool,
    host: Option<Target>,
) -> Result<Combos> {
    let targets = dedup(targets);
    let profiles = dedup(profiles);
    let host_target = || match host {
        Some(t) => Ok(t),
        None => bail!(
            "cannot choose a default target: this machine is neither x86_64 nor aarch64; pass --target"
        ),
    };
    let mut pairs = Vec::new();
    let mut skipped = Vec::new();
    match (targets.is_empty(), profiles.is_empty()) {
        (true, true) => pairs.push((host_target()?, Profile::Native)),
        (true, false) => {
            for profile in profiles {
                let target = if profile == Profile::Pulley { Target::Pulley64 } else { host_target()? };
                pairs.push((target, profile));
            }
        }
        (false, true) => {
            for target in targets {
                let profile = if target == Target::Pulley64 { Profile::Pulley } else { Profile::Native };
                pairs.push((target, profile));
            }
        }
        (false, false) => {
            for &target in &targets {
                for &profile in &profiles {
                    if profile.supports(target) {
                        pairs.push((target, profile));
                    } else {
                        skipped.push((target, profile));
                    }
                }
            }
            if pairs.is_empty() {
                let asked: Vec<String> = skipped
                    .iter()
                    .map(|(t, p)| format!("--target {} --profile {}", t.name(), p.name()))
                    .collect();
                bail!(
                    "no requested target/profile pair is possible ({}): the pulley profile holds \
                     code only for target pulley64, and native / native-signals only for x86_64 \
                     or aarch64",
                    asked.join(", ")
                );
            }
        }
    }
    let settings = pairs
        .into_iter()
        .map(|(target, profile)| EngineSettings { profile, target, fuel, epoch })
        .collect();
    Ok(Combos { settings, skipped })
}

fn dedup<T: Copy + PartialEq>(items: &[T]) -> Vec<T> {
    let mut out = Vec::new();
    for &item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(c: &Combos) -> Vec<(Target, Profile)> {
        c.settings.iter().map(|s| (s.target, s.profile)).collect()
    }

    #[test]
    fn defaults_to_native_on_the_host() {
        let c = resolve_combos(&[], &[], false, false, Some(Target::Aarch64)).unwrap();
        assert_eq!(pairs(&c), [(Target::Aarch64, Profile::Native)]);
        assert!(c.skipped.is_empty());
        assert!(resolve_combos(&[], &[], false, false, None).is_err());
    }

    #[test]
    fn profiles_alone_pick_fitting_targets() {
        let c = resolve_combos(&[], &[Profile::Pulley, Profile::NativeSignals], true, true, Some(Target::X86_64))
            .unwrap();
        assert_eq!(pairs(&c), [(Target::Pulley64, Profile::Pulley), (Target::X86_64, Profile::NativeSignals)]);
        assert!(c.settings.iter().all(|s| s.fuel && s.epoch));
    }

    #[test]
    fn targets_alone_pick_fitting_profiles() {
        let c = resolve_combos(&[Target::Pulley64, Target::Aarch64], &[], false, false, None).unwrap();
        assert_eq!(pairs(&c), [(Target::Pulley64, Profile::Pulley), (Target::Aarch64, Profile::Native)]);
    }

    #[test]
    fn both_lists_skip_pairs_that_do_not_fit() {
        let c = resolve_combos(
            &Target::ALL,
            &[Profile::Native, Profile::Pulley, Profile::Native],
            false,
            false,
            Some(Target::X86_64),
        )
        .unwrap();
        assert_eq!(
            pairs(&c),
            [(Target::X86_64, Profile::Native), (Target::Aarch64, Profile::Native), (Target::Pulley64, Profile::Pulley)]
        );
        assert_eq!(
            c.skipped,
            [(Target::X86_64, Profile::Pulley), (Target::Aarch64, Profile::Pulley), (Target::Pulley64, Profile::Native)]
        );
    }

    #[test]
    fn a_single_impossible_pair_is_an_error() {
        for (target, profile) in [
            (Target::X86_64, Profile::Pulley),
            (Target::Aarch64, Profile::Pulley),
            (Target::Pulley64, Profile::Native),
            (Target::Pulley64, Profile::NativeSignals),
        ] {
            let err = resolve_combos(&[target], &[profile], false, false, Some(Target::X86_64)).unwrap_err();
            let message = format!("{err:#}");
            assert!(
                message.contains(&format!("--target {} --profile {}", target.name(), profile.name())),
                "{message}"
            );
        }
    }
}
