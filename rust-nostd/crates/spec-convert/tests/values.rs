//! The value and pattern encoding of FORMAT.md, through real .wast text.

use nsw_spec_convert::script::{self, Script};
use serde_json::{Value, json};

fn accept_all(_: &[u8]) -> Result<(), String> {
    Ok(())
}

fn convert(wast: &str) -> Script {
    script::convert("wasm-v2/test.wast", wast, &accept_all).expect("the test script parses")
}

/// The one command of `directive` after a module.
fn command(directive: &str) -> Value {
    let script = convert(&format!("(module)\n{directive}"));
    assert_eq!(script.commands.len(), 2, "{:?}", script.commands);
    script.commands[1].clone()
}

#[test]
fn integers_are_unsigned_decimal_strings_of_their_bits() {
    let c = command(r#"(assert_return (invoke "f" (i32.const -1) (i64.const -2)) (i32.const 0x8000_0000) (i64.const 7))"#);
    assert_eq!(c["line"], 2);
    assert_eq!(
        c["action"],
        json!({"type": "invoke", "module": null, "field": "f", "args": [
            {"type": "i32", "value": "4294967295"}, {"type": "i64", "value": "18446744073709551614"}]})
    );
    assert_eq!(c["expected"], json!([{"type": "i32", "value": "2147483648"}, {"type": "i64", "value": "7"}]));
}

#[test]
fn floats_carry_their_bits_and_nan_patterns() {
    let c = command(
        r#"(assert_return (invoke "f" (f32.const -0) (f64.const nan:0x4)) (f32.const nan:canonical) (f64.const nan:arithmetic) (f32.const 1.5))"#,
    );
    assert_eq!(c["action"]["args"][0], json!({"type": "f32", "value": "2147483648"}));
    assert_eq!(c["action"]["args"][1], json!({"type": "f64", "value": (0x7ff0_0000_0000_0004u64).to_string()}));
    assert_eq!(
        c["expected"],
        json!([{"type": "f32", "value": "nan:canonical"}, {"type": "f64", "value": "nan:arithmetic"},
               {"type": "f32", "value": (1.5f32.to_bits()).to_string()}])
    );
}

#[test]
fn v128_lanes_in_little_endian_order() {
    let c = command(
        r#"(assert_return (invoke "f" (v128.const i8x16 -1 0 1 2 3 4 5 6 7 8 9 10 11 12 13 127)) (v128.const f32x4 nan:canonical 1 -0 nan:arithmetic))"#,
    );
    let lanes = &c["action"]["args"][0];
    assert_eq!(lanes["type"], "v128");
    assert_eq!(lanes["lane_type"], "i8");
    assert_eq!(lanes["value"][0], "255");
    assert_eq!(lanes["value"][15], "127");
    assert_eq!(
        c["expected"][0],
        json!({"type": "v128", "lane_type": "f32", "value": ["nan:canonical", (1f32.to_bits()).to_string(), "2147483648", "nan:arithmetic"]})
    );
}

#[test]
fn references() {
    let c = command(
        r#"(assert_return (invoke "f" (ref.null extern) (ref.extern 3) (ref.null func)) (ref.null) (ref.extern) (ref.extern 3) (ref.func) (ref.i31) (ref.null any))"#,
    );
    assert_eq!(
        c["action"]["args"],
        json!([{"type": "ref_null", "heap": "extern"}, {"type": "ref_extern", "value": "3"}, {"type": "ref_null", "heap": "func"}])
    );
    assert_eq!(
        c["expected"],
        json!([{"type": "ref_null", "heap": null}, {"type": "ref_extern", "value": null},
               {"type": "ref_extern", "value": "3"}, {"type": "ref_func", "value": null},
               {"type": "ref_i31"}, {"type": "ref_null", "heap": "any"}])
    );
}

#[test]
fn either_lists_every_alternative_as_a_full_result_list() {
    let single = command(r#"(assert_return (invoke "f") (either (i32.const 1) (i32.const 2)))"#);
    assert!(single.get("expected").is_none());
    assert_eq!(single["either"], json!([[{"type": "i32", "value": "1"}], [{"type": "i32", "value": "2"}]]));

    let mixed = command(r#"(assert_return (invoke "f") (i32.const 9) (either (i32.const 1) (i32.const 2)))"#);
    assert_eq!(
        mixed["either"],
        json!([[{"type": "i32", "value": "9"}, {"type": "i32", "value": "1"}],
               [{"type": "i32", "value": "9"}, {"type": "i32", "value": "2"}]])
    );
}

#[test]
fn get_and_named_modules() {
    let c = command(r#"(assert_return (get $M "g") (i32.const 1))"#);
    assert_eq!(c["action"], json!({"type": "get", "module": "$M", "field": "g"}));
}
