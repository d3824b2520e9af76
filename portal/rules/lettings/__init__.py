"""Choice-based lettings: who may bid for a home, shortlists, offers, lettings results and waiting times."""
