;; Exports of every numeric type for Func.typed and Instance.bind, and two that have no typed
;; form (several results, a reference).
(module
  (global $last (mut i32) (i32.const 0))
  (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
  (func (export "add64") (param i64 i64) (result i64) local.get 0 local.get 1 i64.add)
  (func (export "half") (param f32) (result f32) local.get 0 f32.const 0.5 f32.mul)
  (func (export "hypot") (param f64 f64) (result f64)
    local.get 0 local.get 0 f64.mul local.get 1 local.get 1 f64.mul f64.add f64.sqrt)
  ;; i32 + i64 + f32 + f64, as f64
  (func (export "mixed") (param i32 i64 f32 f64) (result f64)
    local.get 0 f64.convert_i32_s local.get 1 f64.convert_i64_s f64.add
    local.get 2 f64.promote_f32 f64.add local.get 3 f64.add)
  (func (export "remember") (param i32) local.get 0 global.set $last)
  (func (export "last") (result i32) global.get $last)
  (func (export "trap") (param i32) (result i32) local.get 0 i32.const 0 i32.div_s)
  (func (export "pair") (param i32) (result i32 i32) local.get 0 local.get 0)
  (func (export "same_ref") (param externref) (result externref) local.get 0)
  (memory (export "memory") 1))
