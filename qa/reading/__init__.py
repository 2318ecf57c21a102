"""Reading English: the spaCy pipeline, parses of articles and questions, and what they mean."""
