"""The shared corpus every replica writes its stories from: the fictional industry (cast),
the story parts keyed by kind (parts), the writer's desk (writer) and the story formats
(stories)."""
