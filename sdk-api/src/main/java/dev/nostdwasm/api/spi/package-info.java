/** What a provider implements to serve {@link dev.nostdwasm.api.NoStdRuntime}. */
package dev.nostdwasm.api.spi;
