package dev.paygo.usage;

/** What one ingestion request stored: events new to paygo, and events it had already (counted once). */
public record IngestResult(int accepted, int duplicates) {
}
