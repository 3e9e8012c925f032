from mickb.cli.entry import main

main()
