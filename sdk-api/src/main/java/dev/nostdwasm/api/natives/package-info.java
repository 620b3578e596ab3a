/**
 * Native libraries shipped inside jars: finding them for this machine's architecture, checking
 * them against their SHA-256 manifest and extracting them to a work directory. Used by the
 * providers and by the precompiler, whose jar carries a native tool; not meant for application
 * code.
 */
package dev.nostdwasm.api.natives;
