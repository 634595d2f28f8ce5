/* bare-parse.c: the floor for `strata config`: libyaml's event parse of the
 * same files, nothing else. Used by bench/bench-config.sh.
 *
 * Copyright 2026 The Strata authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static long
parse_file (const char *path)
{
  FILE *f = fopen (path, "rb");
  yaml_parser_t parser;
  yaml_event_t event;
  long events = 0;
  int done = 0;

  if (f == NULL)
    {
      perror (path);
      exit (1);
    }

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_file (&parser, f);
  while (!done)
    {
      if (!yaml_parser_parse (&parser, &event))
        {
          fprintf (stderr, "%s: parse error\n", path);
          exit (1);
        }
      done = event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete (&event);
      events++;
    }
  yaml_parser_delete (&parser);
  fclose (f);

  return events;
}

int
main (int   argc,
      char *argv[])
{
  long events = 0;

  for (int i = 1; i < argc; i++)
    events += parse_file (argv[i]);
  printf ("%ld events\n", events);

  return 0;
}
