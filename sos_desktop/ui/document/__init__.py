"""The meeting document (:mod:`.meeting`), one per open meeting, made of parts: details, map, scaling, network,
agenda, next steps, voice and observation, each module holding its edits and their undo commands. No widgets here.
"""
