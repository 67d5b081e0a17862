"""Running the meeting: the agenda and its clock, and the meeting's details and attendees."""
