/**
 * The suites every provider runs, on every target and profile (arrive with the Java SDK issue).
 */
package dev.nostdwasm.it;
