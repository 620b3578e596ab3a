;; Host calls that hand the host references and memories: run(n) calls each import n times.
(module
  (import "host" "take_func" (func $take_func (param funcref)))
  (import "host" "use_memory" (func $use_memory))
  (import "host" "make_ref" (func $make_ref (result externref)))
  (memory (export "memory") 1)
  (func $f)
  (elem declare func $f)
  (func (export "run") (param $n i32)
    (loop $again
      (call $take_func (ref.func $f))
      (call $use_memory)
      (drop (call $make_ref))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $again (local.get $n)))))
