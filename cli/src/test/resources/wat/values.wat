;; One export per kind of value the command line reads and writes.
(module
  (func (export "i64_add") (param i64 i64) (result i64)
    local.get 0
    local.get 1
    i64.add)
  (func (export "f64_div") (param f64 f64) (result f64)
    local.get 0
    local.get 1
    f64.div)
  ;; adds 1 to each i32 lane
  (func (export "v128_inc") (param v128) (result v128)
    local.get 0
    i32.const 1
    i32x4.splat
    i32x4.add)
  ;; (a, b) -> (b, a, a + b)
  (func (export "swap_sum") (param i32 i32) (result i32 i32 i32)
    local.get 1
    local.get 0
    local.get 0
    local.get 1
    i32.add)
  (func (export "nothing"))
  (func (export "spin") (loop $l (br $l)))
  (memory (export "memory") 1))
