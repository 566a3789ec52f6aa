// placeholder until the geo core lands
