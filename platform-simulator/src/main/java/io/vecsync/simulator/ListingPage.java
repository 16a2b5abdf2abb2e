package io.vecsync.simulator;

import java.util.List;

/** One page of the video listing and how many videos the whole listing holds. */
record ListingPage(List<Video> videos, int total) {
}
