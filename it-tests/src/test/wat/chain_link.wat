;; One link of a chain of stores: dive(n) recurses n frames deep and then calls host.next, which
;; the test makes call dive in the next store; returns what next returned.
(module
  (import "host" "next" (func $next (result i32)))
  (func $dive (export "dive") (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      call $next
    else
      local.get 0
      i32.const 1
      i32.sub
      call $dive
    end))
