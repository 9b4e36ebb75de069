//! Browser layer (placeholder, being written).
