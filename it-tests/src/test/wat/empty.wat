;; Seed scenario 1: a module with nothing in it instantiates.
(module)
