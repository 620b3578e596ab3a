/**
 * The public API: NoStdRuntime, PlatformShim, the public types and the provider SPI (arrives with the Java SDK issue).
 */
package dev.nostdwasm.api;
