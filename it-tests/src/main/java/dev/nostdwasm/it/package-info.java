/**
 * The suites every provider runs, on every profile it supports. They live in {@code
 * src/test/java}: one abstract suite per behaviour in this package, with an {@code Ffm...Test}
 * and a {@code Jni...Test} subclass each; see the module's README.
 */
package dev.nostdwasm.it;
