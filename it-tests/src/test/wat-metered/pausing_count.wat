;; Compiled with --fuel --epoch: count(n) calls the host's pause n times and returns n
;; (a finite loop whose wall-clock time the host decides).
(module
  (import "host" "pause" (func $pause))
  (func (export "count") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        local.get $i
        local.get $n
        i32.ge_u
        br_if $done
        call $pause
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br $next))
    local.get $i))
