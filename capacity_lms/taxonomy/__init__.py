"""The programme's shared vocabulary: countries, specialized groups, strategic axes."""
