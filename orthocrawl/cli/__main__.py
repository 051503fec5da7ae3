from orthocrawl.cli import main

main()
