"""The network map's window, scene, list, forms and the partner directory."""
