from concierge.cli import main

raise SystemExit(main())
