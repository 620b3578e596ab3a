;; Exported globals of every numeric type and v128, some mutable.
(module
  (global $i32 (export "i32") (mut i32) (i32.const 7))
  (global $i64 (export "i64") i64 (i64.const -5))
  (global $f32 (export "f32") (mut f32) (f32.const 1.5))
  (global $f64 (export "f64") f64 (f64.const 2.25))
  (global $v128 (export "v128") (mut v128) (v128.const i32x4 1 2 3 4))
  (func (export "get_i32") (result i32) global.get $i32)
  (func (export "set_i32") (param i32) local.get 0 global.set $i32)
  (func (export "get_f32") (result f32) global.get $f32)
  (func (export "get_v128") (result v128) global.get $v128)
  (func (export "set_v128") (param v128) local.get 0 global.set $v128))
