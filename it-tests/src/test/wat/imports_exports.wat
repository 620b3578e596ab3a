;; One import and one export of every kind, with types that are easy to tell apart.
(module
  (import "env" "f" (func $f (param i32 i64) (result f32)))
  (import "env" "g" (global $g (mut i64)))
  (import "env" "m" (memory $m 1 2))
  (import "env" "t" (table $t 3 externref))
  (memory $mem (export "mem") 2 5)
  (table $tab (export "tab") 4 10 funcref)
  (global $gc (export "gc") f32 (f32.const 1.5))
  (global $gm (export "gm") (mut f64) (f64.const 0))
  ;; run(x) == (x * 2, 7): multi-value result
  (func (export "run") (param f64) (result f64 i32)
    local.get 0
    f64.const 2
    f64.mul
    i32.const 7)
  ;; Uses every import, so the test can check they are the ones linked.
  (func (export "use_imports") (result f32)
    ;; g += 1
    global.get $g
    i64.const 1
    i64.add
    global.set $g
    ;; m[0] = table.size t
    i32.const 0
    table.size $t
    i32.store $m
    ;; f(m[0], g)
    i32.const 0
    i32.load $m
    global.get $g
    call $f))
